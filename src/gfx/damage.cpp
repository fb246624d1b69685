#include "gfx/damage.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace nabla::gfx {
namespace {

DamageRect unite(const DamageRect& a, const DamageRect& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

bool overlap(const DamageRect& a, const DamageRect& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

constexpr float kMargin = 2;          // CSS px around a change: rounding, and a pixel's reach beyond its triangle
constexpr float kSlack = 48 * 48;     // merging two changes may redraw this much unchanged area (CSS px²)
constexpr std::size_t kMostRects = 8; // each rectangle clears, and copies the commands it meets
constexpr float kMostOfIt = 0.6f;     // beyond this share of the canvas, one clear and one pass is cheaper

void merge(std::vector<DamageRect>& rects, std::size_t a, std::size_t b) {
    rects[a] = unite(rects[a], rects[b]);
    rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(b));
}

bool merge_an_overlapping_pair(std::vector<DamageRect>& rects) {
    for (std::size_t i = 0; i < rects.size(); ++i)
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            if (overlap(rects[i], rects[j])) return merge(rects, i, j), true;
    return false;
}

// The two whose union adds the least area that changed nothing.
void merge_cheapest_pair(std::vector<DamageRect>& rects) {
    std::size_t a = 0, b = 1;
    float least = INFINITY;
    for (std::size_t i = 0; i < rects.size(); ++i)
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            if (const float extra = unite(rects[i], rects[j]).area() - rects[i].area() - rects[j].area(); extra < least) least = extra, a = i, b = j;
    merge(rects, a, b);
}

}  // namespace

void Damage::begin(float width, float height, float pixel_ratio) {
    if (width != width_ || height != height_ || pixel_ratio != ratio_) everything_ = true;
    width_ = width, height_ = height, ratio_ = pixel_ratio;
    layers_seen_ = 0;
    rects_.clear();
}

void Damage::add(DamageRect r) {
    if (!(r.x1 > r.x0 && r.y1 > r.y0)) return;
    // Neighbouring changes (the glyphs of one number, the segments of one curve) become one rectangle.
    if (!rects_.empty()) {
        DamageRect& last = rects_.back();
        const DamageRect both = unite(last, r);
        if (both.area() <= last.area() + r.area() + kSlack) {
            last = both;
            return;
        }
    }
    rects_.push_back(r);
}

void Damage::changed(const std::vector<DrawnCorner>& corners, std::size_t from, std::size_t to) {
    if (from >= to) return;
    DamageRect box{corners[from].x, corners[from].y, corners[from].x, corners[from].y};
    for (std::size_t i = from; i < to; ++i) {
        box.x0 = std::min(box.x0, corners[i].x), box.x1 = std::max(box.x1, corners[i].x);
        box.y0 = std::min(box.y0, corners[i].y), box.y1 = std::max(box.y1, corners[i].y);
    }
    add({box.x0 - kMargin, box.y0 - kMargin, box.x1 + kMargin, box.y1 + kMargin});
}

void Damage::layer(std::vector<DrawnCorner>&& now) {
    const std::size_t index = layers_seen_++;
    if (index >= last_.size()) {  // a window or popup that was not there: its stacking is new too
        everything_ = true;
        last_.push_back(std::move(now));
        return;
    }
    const std::vector<DrawnCorner>& was = last_[index];
    const auto same_triangle = [&](std::size_t a, std::size_t b) {
        return was[a] == now[b] && was[a + 1] == now[b + 1] && was[a + 2] == now[b + 2];
    };
    if (!everything_ && was.size() == now.size()) {
        // Same length: every run of triangles that differ, where they were and where they are.
        std::size_t run = now.size();
        for (std::size_t t = 0; t <= now.size(); t += 3) {
            const bool differs = t < now.size() && !same_triangle(t, t);
            if (differs && run == now.size()) run = t;
            if (!differs && run != now.size()) changed(was, run, t), changed(now, run, t), run = now.size();
        }
    } else if (!everything_) {
        // A text grew or a curve gained points: what lies between the common start and the common end.
        const std::size_t shorter = std::min(was.size(), now.size());
        std::size_t head = 0, tail = 0;
        while (head + 3 <= shorter && same_triangle(head, head)) head += 3;
        while (head + tail + 3 <= shorter && same_triangle(was.size() - tail - 3, now.size() - tail - 3)) tail += 3;
        changed(was, head, was.size() - tail), changed(now, head, now.size() - tail);
    }
    last_[index] = std::move(now);
}

const std::vector<DamageRect>& Damage::finish() {
    if (layers_seen_ != last_.size()) everything_ = true, last_.resize(layers_seen_);
    const DamageRect canvas{0, 0, width_, height_};
    if (!everything_) {
        // In whole device pixels (so the clear and the commands' clipping meet exactly), on the canvas.
        const auto snap_down = [this](float v) { return std::floor(v * ratio_) / ratio_; };
        const auto snap_up = [this](float v) { return std::ceil(v * ratio_) / ratio_; };
        for (DamageRect& r : rects_)
            r = {snap_down(std::max(r.x0, 0.0f)), snap_down(std::max(r.y0, 0.0f)), snap_up(std::min(r.x1, width_)), snap_up(std::min(r.y1, height_))};
        rects_.erase(std::remove_if(rects_.begin(), rects_.end(), [](const DamageRect& r) { return !(r.x1 > r.x0 && r.y1 > r.y0); }), rects_.end());
        // Disjoint (a pixel in two would be blended twice), and few.
        for (;;) {
            while (merge_an_overlapping_pair(rects_)) {}  // a union may meet others: until none overlap
            if (rects_.size() <= kMostRects) break;
            merge_cheapest_pair(rects_);  // which may overlap another: merge again
        }
        float area = 0;
        for (const DamageRect& r : rects_) area += r.area();
        if (area > kMostOfIt * canvas.area()) everything_ = true;
    }
    if (everything_) rects_.assign(1, canvas);
    everything_ = false;
    return rects_;
}

}  // namespace nabla::gfx
