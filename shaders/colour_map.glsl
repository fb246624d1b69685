// The colour maps, shared by heatmap.frag (a grid of values) and network.frag's coloured variant (the
// network run per pixel and coloured in the same pass). Not a shader of its own: the build puts it
// where a shader includes it (cmake/shaders.cmake; GLSL ES has no includes of its own).
// Lines use fwidth: call these in uniform control flow (branches on uniforms only).
uniform int u_log;                 // 1: colour by log(value - u_floor + u_epsilon)
uniform float u_floor, u_epsilon;
uniform float u_lo, u_hi;          // the (transformed) range the colour map spans
uniform int u_colormap;            // 0 sequential (YlGnBu), 1 diverging (orange-white-blue), 2 classes
uniform float u_levels;            // contour lines across [u_lo, u_hi]; 0 for none
uniform int u_mark_on;             // 1: one stronger line where the value crosses u_mark
uniform float u_mark;

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

// Three class probabilities: the likeliest class, a dark line where the two likeliest tie.
vec4 class_colour(vec3 p) {
    int k = p.y > p.x ? (p.z > p.y ? 2 : 1) : (p.z > p.x ? 2 : 0);
    float top = max(p.x, max(p.y, p.z));
    float second = p.x + p.y + p.z - top - min(p.x, min(p.y, p.z));
    float d = top - second;  // 0 where the two likeliest classes are equally likely
    float tie = 1.0 - smoothstep(1.0, 2.0, d / max(fwidth(d), 1e-6));
    vec3 c = classes(k, top);
    if (u_mark_on == 1) c = mix(c, vec3(0.15), 0.85 * tie);
    bool invalid = any(isnan(p)) || any(isinf(p));
    return invalid ? vec4(0.59, 0.59, 0.59, 1.0) : vec4(c, 1.0);
}

// One value (a loss, an output): the colour map, contour lines one pixel wide at any zoom, the mark's
// line; grey where it is not a number (never a colour it does not have).
vec4 value_colour(float v, bool invalid) {
    float s = transformed(v);
    float t = (s - u_lo) / max(u_hi - u_lo, 1e-20);
    vec3 c = u_colormap == 0 ? ylgnbu(t) : diverging(t * 2.0 - 1.0);
    if (u_levels > 0.0) {
        float level = t * u_levels;
        float line = 1.0 - smoothstep(0.5, 1.5, abs(fract(level + 0.5) - 0.5) / max(fwidth(level), 1e-6));
        c = mix(c, c * 0.55, 0.8 * line);
    }
    if (u_mark_on == 1) {
        float d = s - transformed(u_mark);
        float line = 1.0 - smoothstep(1.0, 2.0, abs(d) / max(fwidth(d), 1e-6));
        c = mix(c, vec3(0.15), 0.85 * line);
    }
    if (invalid) c = vec3(0.59);
    return vec4(c, 1.0);
}
