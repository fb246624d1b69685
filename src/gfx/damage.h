// Which parts of the canvas a frame changed, so only those are drawn again. Software WebGL (and a
// phone's GPU) pays for every pixel it rasterises, and while a network trains most of the page (the
// controls, the data panel, the labels) stays as it was. Pure geometry over what the UI would draw
// (no GL, no ImGui: tested natively); platform/main_web.cpp feeds it ImGui's triangles and clears
// and redraws each rectangle it returns, the canvas keeping its pixels elsewhere.
#pragma once

#include <cstdint>
#include <vector>

namespace nabla::gfx {

struct DamageRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float area() const { return (x1 - x0) * (y1 - y0); }
};

// One corner of one triangle as drawn: where, and a hash of how (colour, texture coordinates, the
// texture and the clip rectangle). Three consecutive corners make a triangle.
struct DrawnCorner {
    float x = 0, y = 0;
    std::uint64_t look = 0;
    bool operator==(const DrawnCorner& o) const { return x == o.x && y == o.y && look == o.look; }
};

class Damage {
public:
    // A frame: the corners of each of its layers (ImGui's draw lists, in drawing order), and the
    // triangles known to have changed though drawn alike (a picture drawn again), then finish().
    void begin(float width, float height, float pixel_ratio);
    void layer(std::vector<DrawnCorner>&& corners);
    void changed(const std::vector<DrawnCorner>& corners, std::size_t from, std::size_t to);
    void everything() { everything_ = true; }
    // Disjoint rectangles covering every change since the last frame, in whole device pixels, or
    // one rectangle over the whole canvas (the first frame, a new layer, most of it changed).
    // Empty when nothing changed.
    const std::vector<DamageRect>& finish();

private:
    void add(DamageRect r);
    float width_ = 0, height_ = 0, ratio_ = 1;
    bool everything_ = true;
    std::size_t layers_seen_ = 0;
    std::vector<std::vector<DrawnCorner>> last_;  // the last frame's layers
    std::vector<DamageRect> rects_;
};

}  // namespace nabla::gfx
