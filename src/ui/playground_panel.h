// The training playground panel: data and features on the left, the network (neurons as heatmap
// thumbnails, edges coloured by the sign of their weight and thick by its size) in the middle, the
// decision boundary with the points, loss curves and per-layer gradient norms on the right, and
// the training controls on top. Reads the lab, emits PlaygroundCommands.
#pragma once

#include <array>
#include <memory>
#include <vector>

#include "gfx/heatmap_texture.h"
#include "gfx/network_picture.h"
#include "gfx/rgba_texture.h"
#include "gfx/shader_heatmap.h"
#include "lab/playground_lab.h"
#include "ui/theme.h"

namespace nabla::ui {

struct PlaygroundPanel {
    gfx::HeatmapTexture output;    // the output neuron's thumbnail
    gfx::ShaderHeatmap boundary;   // the big decision boundary / regression surface
    std::string boundary_key;      // step, size and state it was drawn for
    gfx::NetworkPicture network;   // its values, a pixel each, when the GPU can run the network
    // While it trains on a device that cannot redraw that every frame: values every 2nd, 4th or 8th
    // pixel, interpolated (adapt_coarseness); paused, a pixel each again.
    int coarseness = 1;
    int slow_frames = 0;           // frames slower than the target minus faster ones, since the last change
    int training_frames = 0;       // since it last started training
    gfx::HeatmapAtlas neurons;  // every hidden neuron's thumbnail, in one texture (one draw call)
    std::vector<std::unique_ptr<gfx::HeatmapTexture>> features;
    gfx::ShaderHeatmap compare_boundary;  // run B's, beside it (lab/compare_run.h)
    gfx::NetworkPicture compare_network;
    std::string compare_key;
    gfx::RgbaTexture points;                 // the data on the output, painted once per data and size
    std::string points_key;
    std::array<gfx::RgbaTexture, enum_count<DatasetKind>()> thumbnails;  // one per dataset, painted once per size
    int thumbnails_px = 0;
    long textures_step = -1, textures_neurons = -1, textures_generation = -1;  // the grids' serials they show
    std::string textures_state;  // the state string the textures were made for
    int neuron_px = 28;          // the thumbnails' size in device pixels, as last drawn
    int features_px = 0;         // the size the input features' thumbnails were made at
    bool log_loss = false;
    int steps_per_frame = 25;    // the speed control; the app also caps each frame's time
    bool presenting = false;     // presentation mode: the controls and the output only
    // Your data by hand: the class a click adds, the erase tool, a point being dragged (its index and
    // where the press began, in pixels), and the CSV box (its text, and the state when Load was pressed).
    int add_class = 0;
    bool erasing = false;
    int drag_index = -1;
    float press_x = 0, press_y = 0;
    bool dragged = false;
    bool csv_open = false;
    std::string csv_text, csv_sent;

    void draw(const PlaygroundLab& lab, const Fonts& fonts, std::vector<PlaygroundCommand>& commands);
    void forget_gl();  // after a lost WebGL context: every picture is made again on the next frame

private:
    void refresh_textures(const PlaygroundLab& lab);
    void adapt_coarseness(bool training);
};

}  // namespace nabla::ui
