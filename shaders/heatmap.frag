#version 300 es
// A grid of values (computed by the engine) drawn at full resolution: interpolated between grid
// points, mapped to colour, with contour lines that stay one pixel wide at any zoom (fwidth).
// Used for the trajectory lab's loss surface (log scale, YlGnBu, many levels) and the playground's
// output where the network cannot run per pixel (orange-white-blue, one line on the decision boundary).
precision highp float;
precision highp int;

uniform highp sampler2D u_values;  // R32F (RGBA32F: three class probabilities), row 0 = the top row
uniform vec2 u_target;             // the picture's size in pixels

out vec4 colour;

#include "colour_map.glsl"

void main() {
    ivec2 size = textureSize(u_values, 0);
    vec2 uv = gl_FragCoord.xy / u_target;  // y grows downwards in the picture ImGui shows
    vec2 g = uv * vec2(size) - 0.5;
    ivec2 i0 = clamp(ivec2(floor(g)), ivec2(0), size - 1), i1 = min(i0 + 1, size - 1);
    vec2 f = clamp(g - vec2(i0), 0.0, 1.0);
    vec4 t00 = texelFetch(u_values, i0, 0), t10 = texelFetch(u_values, ivec2(i1.x, i0.y), 0);
    vec4 t01 = texelFetch(u_values, ivec2(i0.x, i1.y), 0), t11 = texelFetch(u_values, i1, 0);
    // Branches on the colour map (a uniform) only: the lines' derivatives are defined there.
    if (u_colormap == 2) {  // probabilities interpolate (class indices would not): smooth boundaries
        colour = class_colour(mix(mix(t00.rgb, t10.rgb, f.x), mix(t01.rgb, t11.rgb, f.x), f.y));
        return;
    }
    float v00 = t00.r, v10 = t10.r, v01 = t01.r, v11 = t11.r;
    bool invalid = bad(v00) || bad(v10) || bad(v01) || bad(v11);
    colour = value_colour(mix(mix(v00, v10, f.x), mix(v01, v11, f.x), f.y), invalid);
}
