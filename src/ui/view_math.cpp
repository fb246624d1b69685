#include "ui/view_math.h"

#include <algorithm>
#include <cstdint>
#include <cmath>

namespace nabla::ui {

View fit_view(const View& v, double width, double height) {
    const double cx = 0.5 * (v.x0 + v.x1), cy = 0.5 * (v.y0 + v.y1);
    const double scale = std::max((v.x1 - v.x0) / width, (v.y1 - v.y0) / height);
    return {cx - 0.5 * width * scale, cx + 0.5 * width * scale, cy - 0.5 * height * scale, cy + 0.5 * height * scale};
}

View zoom_view(const View& v, Vec2 pointer, double factor, const View& home) {
    const double home_span = std::max(home.x1 - home.x0, home.y1 - home.y0), span = std::max(v.x1 - v.x0, v.y1 - v.y0);
    factor = std::clamp(span * factor, 1e-6 * home_span, 1e3 * home_span) / span;
    View z{pointer.x + (v.x0 - pointer.x) * factor, pointer.x + (v.x1 - pointer.x) * factor, pointer.y + (v.y0 - pointer.y) * factor,
           pointer.y + (v.y1 - pointer.y) * factor};
    // Keep the centre within reach of home, so panning plus zooming cannot wander to 1e300.
    const double hx = 0.5 * (home.x0 + home.x1), hy = 0.5 * (home.y0 + home.y1), reach = 1e3 * home_span;
    const double cx = 0.5 * (z.x0 + z.x1), cy = 0.5 * (z.y0 + z.y1);
    const double dx = std::clamp(cx, hx - reach, hx + reach) - cx, dy = std::clamp(cy, hy - reach, hy + reach) - cy;
    return {z.x0 + dx, z.x1 + dx, z.y0 + dy, z.y1 + dy};
}

double tick_step(double span, int count) {
    const double raw = span / count, magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    return raw / magnitude < 2 ? 2 * magnitude : raw / magnitude < 5 ? 5 * magnitude : 10 * magnitude;
}

bool clip_segment(double& x0, double& y0, double& x1, double& y1, double left, double top, double right, double bottom) {
    const double dx = x1 - x0, dy = y1 - y0;
    double t0 = 0, t1 = 1;
    const double p[4] = {-dx, dx, -dy, dy}, q[4] = {x0 - left, right - x0, y0 - top, bottom - y0};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double r = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, r);
        else t1 = std::min(t1, r);
        if (t0 > t1) return false;
    }
    x1 = x0 + t1 * dx, y1 = y0 + t1 * dy;
    x0 = x0 + t0 * dx, y0 = y0 + t0 * dy;
    return true;
}

double segment_distance(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

std::vector<Vec2> dashes(double length, double period, double on, int max_dashes) {
    std::vector<Vec2> out;
    if (!(length > 0) || !(period > 0) || length / period > max_dashes) return out;
    for (int k = 0; k * period < length; ++k) out.push_back({k * period, std::min(k * period + on, length)});
    return out;
}

int bound_segments(std::vector<Segment>& segments, size_t budget) {
    // A set of pixel pairs seen, open addressing in a power-of-two table (0: empty slot).
    size_t slots = 16;
    while (slots < 2 * segments.size()) slots *= 2;
    std::vector<uint64_t> seen(slots, 0);
    auto pixel = [](Vec2 p) {  // 16 bits a coordinate: pictures are far smaller than 32 768 px
        const auto q = [](double v) { return static_cast<uint64_t>(static_cast<uint16_t>(static_cast<int>(std::lround(v)) + 32768)); };
        return q(p.x) << 16 | q(p.y);
    };
    size_t kept = 0;
    for (const Segment& s : segments) {
        uint64_t from = pixel(s.a), to = pixel(s.b);
        if (from > to) std::swap(from, to);  // a step back over the same pixels is the same line
        const uint64_t key = (from << 32 | to) + 1;
        size_t i = static_cast<size_t>(key * 0x9E3779B97F4A7C15ull >> 40) & (slots - 1);
        while (seen[i] != 0 && seen[i] != key) i = (i + 1) & (slots - 1);
        if (seen[i] == key) continue;
        seen[i] = key;
        segments[kept++] = s;
    }
    segments.resize(kept);
    if (budget < 2 || segments.size() <= budget) return 1;
    const size_t recent = budget / 2, older = segments.size() - recent;
    const int stride = static_cast<int>((older + (budget - recent) - 1) / (budget - recent));
    size_t out = 0;
    for (size_t k = 0; k < older; k += static_cast<size_t>(stride)) segments[out++] = segments[k];
    for (size_t k = older; k < segments.size(); ++k) segments[out++] = segments[k];
    segments.resize(out);
    return stride;
}

}  // namespace nabla::ui
