#version 300 es
// A grid of values (computed by the engine) drawn at full resolution: interpolated between grid
// points, mapped to colour, with contour lines that stay one pixel wide at any zoom (fwidth).
// Used for the trajectory lab's loss surface (log scale, YlGnBu, many levels) and the playground's
// output (TensorFlow Playground's orange-white-blue, one line on the decision boundary).
precision highp float;
precision highp int;

uniform highp sampler2D u_values;  // R32F (RGBA32F: three class probabilities), row 0 = the top row
uniform vec2 u_target;             // the picture's size in pixels
uniform int u_log;                 // 1: colour by log(value - u_floor + u_epsilon)
uniform float u_floor, u_epsilon;
uniform float u_lo, u_hi;          // the (transformed) range the colour map spans
uniform int u_colormap;            // 0 sequential (YlGnBu), 1 diverging (orange-white-blue), 2 classes
uniform float u_levels;            // contour lines across [u_lo, u_hi]; 0 for none
uniform int u_mark_on;             // 1: one stronger line where the value crosses u_mark
uniform float u_mark;

out vec4 colour;

bool bad(float v) { return isnan(v) || isinf(v); }

float transformed(float v) { return u_log == 1 ? log(max(v - u_floor, 0.0) + u_epsilon) : v; }

vec3 ylgnbu(float t) {  // ColorBrewer YlGnBu: pale where the loss is low, deep blue where it is high
    const vec3 c0 = vec3(1.000, 1.000, 0.851), c1 = vec3(0.780, 0.914, 0.706), c2 = vec3(0.255, 0.714, 0.769),
               c3 = vec3(0.133, 0.369, 0.659), c4 = vec3(0.047, 0.173, 0.518);
    t = clamp(t, 0.0, 1.0) * 4.0;
    if (t < 1.0) return mix(c0, c1, t);
    if (t < 2.0) return mix(c1, c2, t - 1.0);
    if (t < 3.0) return mix(c2, c3, t - 2.0);
    return mix(c3, c4, t - 3.0);
}

vec3 diverging(float t) {  // -1 … 1: orange, white, blue
    const vec3 orange = vec3(0.961, 0.576, 0.133), white = vec3(0.973), blue = vec3(0.031, 0.467, 0.741);
    t = clamp(t, -1.0, 1.0);
    return t < 0.0 ? mix(white, orange, -t) : mix(white, blue, t);
}

vec3 classes(int k, float top) {  // the likeliest class, paler where it is less sure (top ≥ 1/3)
    const vec3 white = vec3(0.973);
    vec3 hue = k == 0 ? vec3(0.961, 0.576, 0.133) : k == 1 ? vec3(0.031, 0.467, 0.741) : vec3(0.235, 0.627, 0.235);
    float confidence = clamp((top - 1.0 / 3.0) * 1.5, 0.0, 1.0);
    return mix(white, hue, 0.25 + 0.75 * confidence);
}

void main() {
    ivec2 size = textureSize(u_values, 0);
    vec2 uv = gl_FragCoord.xy / u_target;  // y grows downwards in the picture ImGui shows
    vec2 g = uv * vec2(size) - 0.5;
    ivec2 i0 = clamp(ivec2(floor(g)), ivec2(0), size - 1), i1 = min(i0 + 1, size - 1);
    vec2 f = clamp(g - vec2(i0), 0.0, 1.0);
    vec4 t00 = texelFetch(u_values, i0, 0), t10 = texelFetch(u_values, ivec2(i1.x, i0.y), 0);
    vec4 t01 = texelFetch(u_values, ivec2(i0.x, i1.y), 0), t11 = texelFetch(u_values, i1, 0);
    // Derivatives (fwidth) are taken before any branch on the data: after a non-uniform return
    // they would be undefined. A non-finite value is drawn grey, never a colour it does not have.
    if (u_colormap == 2) {  // probabilities interpolate (class indices would not): smooth boundaries
        vec3 p = mix(mix(t00.rgb, t10.rgb, f.x), mix(t01.rgb, t11.rgb, f.x), f.y);
        int k = p.y > p.x ? (p.z > p.y ? 2 : 1) : (p.z > p.x ? 2 : 0);
        float top = max(p.x, max(p.y, p.z));
        float second = p.x + p.y + p.z - top - min(p.x, min(p.y, p.z));
        float d = top - second;  // 0 where the two likeliest classes are equally likely
        float tie = 1.0 - smoothstep(1.0, 2.0, d / max(fwidth(d), 1e-6));
        vec3 c = classes(k, top);
        if (u_mark_on == 1) c = mix(c, vec3(0.15), 0.85 * tie);
        bool invalid = any(isnan(p)) || any(isinf(p));
        colour = invalid ? vec4(0.59, 0.59, 0.59, 1.0) : vec4(c, 1.0);
        return;
    }
    float v00 = t00.r, v10 = t10.r, v01 = t01.r, v11 = t11.r;
    bool invalid = bad(v00) || bad(v10) || bad(v01) || bad(v11);
    float v = mix(mix(v00, v10, f.x), mix(v01, v11, f.x), f.y);
    float s = transformed(v);
    float t = (s - u_lo) / max(u_hi - u_lo, 1e-20);
    vec3 c = u_colormap == 0 ? ylgnbu(t) : diverging(t * 2.0 - 1.0);
    if (u_levels > 0.0) {  // branches on uniforms are uniform control flow: fwidth is defined there
        float level = t * u_levels;
        float line = 1.0 - smoothstep(0.5, 1.5, abs(fract(level + 0.5) - 0.5) / max(fwidth(level), 1e-6));
        c = mix(c, c * 0.55, 0.8 * line);
    }
    if (u_mark_on == 1) {
        float d = transformed(v) - transformed(u_mark);
        float line = 1.0 - smoothstep(1.0, 2.0, abs(d) / max(fwidth(d), 1e-6));
        c = mix(c, vec3(0.15), 0.85 * line);
    }
    if (invalid) c = vec3(0.59);
    colour = vec4(c, 1.0);
}
