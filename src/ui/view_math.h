// The panels' geometry, with no ImGui in it so the native tests check it: a rectangle of a plane
// (data or parameter space) shown in a rectangle of pixels, fitting a view to a picture's aspect
// ratio, zooming about the pointer within bounds, round tick steps, clipping a segment to the
// picture in double precision, dashes that never outnumber what a screen can show, and paths cut
// to a vertex budget.
#pragma once

#include <vector>

#include "lab/loss_surface.h"  // View, Vec2

namespace nabla::ui {

// View `v` (x across, y up) drawn in a width × height picture whose top-left corner is (left, top).
struct PlaneMap {
    View v;
    double left = 0, top = 0, width = 1, height = 1;

    double to_x(double x) const { return left + (x - v.x0) / (v.x1 - v.x0) * width; }
    double to_y(double y) const { return top + (v.y1 - y) / (v.y1 - v.y0) * height; }
    Vec2 to_screen(Vec2 p) const { return {to_x(p.x), to_y(p.y)}; }
    Vec2 to_plane(Vec2 s) const {
        return {v.x0 + (s.x - left) / width * (v.x1 - v.x0), v.y1 - (s.y - top) / height * (v.y1 - v.y0)};
    }
    // The centre of cell (column, row) of a side × side grid over the view, row 0 at the top.
    Vec2 cell_centre(int column, int row, int side) const {
        return {v.x0 + (v.x1 - v.x0) * (column + 0.5) / side, v.y1 - (v.y1 - v.y0) * (row + 0.5) / side};
    }
};

// The square [-extent, extent]² (the playground's input plane).
constexpr View square_view(double extent) { return {-extent, extent, -extent, extent}; }

// `v` grown to a width × height picture's aspect ratio about its centre, so one unit is as long
// across as up (gradients then look perpendicular to the contours, as they are).
View fit_view(const View& v, double width, double height);

// `v` zoomed by `factor` (< 1 closer) about `pointer`, kept between 1e-6 and 1e3 times the size of
// `home` and centred within 1e3 home sizes of it: a wheel can never zoom into numbers a float
// pixel cannot hold.
View zoom_view(const View& v, Vec2 pointer, double factor, const View& home);

// A round step (1, 2 or 5 × 10^k) that puts about `count` ticks across `span`.
double tick_step(double span, int count);

// The part of segment (x0, y0)-(x1, y1) inside [left, right] × [top, bottom] (Liang–Barsky); false
// when none of it is. Double precision: a diverging run's points are far outside any picture.
bool clip_segment(double& x0, double& y0, double& x1, double& y1, double left, double top, double right, double bottom);

// The distance from point p to the segment a-b.
double segment_distance(Vec2 p, Vec2 a, Vec2 b);

// Dashes along a segment `length` pixels long: a dash of `on` pixels every `period`, at most
// `max_dashes` (past that the caller draws a solid line). Each dash is [start, end] along it.
std::vector<Vec2> dashes(double length, double period, double on, int max_dashes);

// A path's segments in screen pixels, oldest first, cut to what drawing them can show:
//  - a segment whose ends round to the same pixels as one already kept is dropped (SGD circling a
//    minimum crosses the same few pixels thousands of times; drawing them again changes nothing);
//  - if more than `budget` remain, the newest budget/2 stay as they are and the older ones are
//    thinned evenly to the other half (every k-th kept), so a frame's cost does not grow with the
//    run's length. Returns k: 1 when nothing was thinned.
struct Segment {
    Vec2 a, b;
};
int bound_segments(std::vector<Segment>& segments, size_t budget);

}  // namespace nabla::ui
