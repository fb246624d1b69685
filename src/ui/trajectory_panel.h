// The trajectory lab panel: surface and runs on the left, the loss surface (our fragment shader:
// log-scaled colours, contour lines, a legend) with every run's path in the middle, loss per
// iteration on the right. Click the surface to move the start, drag to pan, wheel to zoom.
// Reads the lab, emits TrajectoryCommands.
#pragma once

#include <algorithm>

#include <string>
#include <vector>

#include "gfx/shader_heatmap.h"
#include "lab/trajectory_lab.h"
#include "ui/theme.h"

namespace nabla::ui {

struct TrajectoryPanel {
    gfx::ShaderHeatmap surface;
    View view;                     // the part of parameter space shown
    std::string view_for;          // the surface the view was fitted to
    ImVec2 view_size;              // and the picture's size: a new layout or text size fits again
    std::string rendered_for;      // the surface, view and size the texture shows
    bool log_loss = true;
    bool start_all = true;         // a click moves every run's start (else the selected run's)
    int steps_per_frame = 2;       // the speed control
    bool presenting = false;       // presentation mode: the controls and the surface only
    bool dragging = false;
    long view_iteration = -1;      // the timeline: every run drawn up to this iteration (-1: now)
    long seen_steps = 0;           // the lab's steps last frame: running on returns the timeline to now

    // The iteration shown: the timeline's, or the last one.
    size_t shown_points(const RunTrace& t) const {
        return view_iteration < 0 ? t.path.size() : std::min(t.path.size(), static_cast<size_t>(view_iteration) + 1);
    }

    void draw(const TrajectoryLab& lab, const Fonts& fonts, std::vector<TrajectoryCommand>& commands);
    void forget_gl() {  // after a lost WebGL context: the surface is made again on the next frame
        surface.forget();
        rendered_for.clear();
    }
};

ImU32 run_color(int run);

}  // namespace nabla::ui
