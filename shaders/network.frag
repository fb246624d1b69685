#version 300 es
// The playground's network run once per pixel: the output picture at full resolution, with no grid
// to interpolate between. The same formulas as the engine's Mlp::forward (nn/mlp.cpp): inputs from
// TensorFlow Playground's features, each layer bias first then its inputs, the engine's own tanh
// (engine/fast_math.h), a max-shifted softmax. Writes the value: the output in .r, or for a softmax
// head the probabilities of classes 0, 1, 2 in .rgb; compiled with COLOURED defined (the picture a
// pixel each), its colour instead, by the maps heatmap.frag uses: one pass, no float picture between.
// What GLSL cannot take from our tables (features, activations, constants)
// tests/gfx/network_shader_test.cpp checks against them.
precision highp float;
precision highp int;

uniform highp sampler2D u_weights;  // RGBA32F, a row per neuron of every layer in turn: texels 0-7 its
                                    // weights four at a time (zeros after the last), texel 8 .r its
                                    // bias; three rows of zeros after the last neuron
uniform int u_sizes[10];            // inputs, hidden layers..., outputs
uniform int u_layers;               // weight layers: entries of u_sizes minus one
uniform int u_features;             // bits: x1, x2, x1², x2², x1x2, sin x1, sin x2 (playground_state.h)
uniform int u_hidden, u_output;     // activations in tensor_ops.h's order; u_output -1: softmax
uniform vec2 u_target;              // the picture's size in pixels
uniform float u_extent;             // the plane is [-u_extent, u_extent]², x2 growing upwards

#ifdef COLOURED
out vec4 colour;
#include "colour_map.glsl"
#else
out vec4 value;
#endif

// The engine's tanh (rational_tanh in engine/fast_math.h, its coefficients) and the activations, for
// every vector size: the unrolled network computes a layer's last few neurons in a narrower vector,
// and a software rasteriser pays for every component.
#define ACTIVATIONS(T) \
T engine_tanh(T x) { \
    x = clamp(x, -7.90531110763549805, 7.90531110763549805); \
    T x2 = x * x; \
    T p = x2 * -2.76076847742355e-16 + 2.00018790482477e-13; \
    p = x2 * p + -8.60467152213735e-11; \
    p = x2 * p + 5.12229709037114e-08; \
    p = x2 * p + 1.48572235717979e-05; \
    p = x2 * p + 6.37261928875436e-04; \
    p = x2 * p + 4.89352455891786e-03; \
    p = x * p; \
    T q = x2 * 1.19825839466702e-06 + 1.18534705686654e-04; \
    q = x2 * q + 2.26843463243900e-03; \
    q = x2 * q + 4.89352518554385e-03; \
    return p / q; \
} \
T relu(T s) { return max(s, 0.0); } \
T leaky_relu(T s) { return mix(s * 0.01, s, step(0.0, s)); } \
T sigmoid(T s) { return 0.5 + 0.5 * engine_tanh(0.5 * s); }
ACTIVATIONS(float)
ACTIVATIONS(vec2)
ACTIVATIONS(vec3)
ACTIVATIONS(vec4)

vec4 activate(int h, vec4 s) {  // Linear, ReLU, LeakyReLU, Tanh, Sigmoid
    if (h == 1) return relu(s);
    if (h == 2) return leaky_relu(s);
    if (h == 3) return engine_tanh(s);
    if (h == 4) return sigmoid(s);
    return s;
}

#ifdef UNROLLED
// The network of one shape written out (gfx/network_shader.cpp appends it): its weights in u_w at
// fixed places, no loops, no arrays indexed at run time. A software rasteriser runs it several times
// faster than the loops below; a network whose weights do not fit in uniforms takes the loops.
uniform vec4 u_w[UNROLLED];
vec4 unrolled(float x1, float x2);  // the output layer's values (before the softmax, if any)
#endif

// Four neurons at a time, four inputs at a time: a layer's values are eight vectors, so the inner
// loop reads one vector of inputs and four of weights for sixteen multiply-adds (a software
// rasteriser keeps arrays indexed at run time in memory: the fewer such reads, the faster).
void main() {
    // Pixel centres, as the engine's grid places its points (lab/plane_grid.cpp).
    float x1 = u_extent * (2.0 * gl_FragCoord.x / u_target.x - 1.0);
    float x2 = u_extent * (1.0 - 2.0 * gl_FragCoord.y / u_target.y);
#ifdef UNROLLED
    vec4 last = unrolled(x1, x2);
#else
    float all[7] = float[7](x1, x2, x1 * x1, x2 * x2, x1 * x2, sin(x1), sin(x2));
    float f[8] = float[8](0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    int k = 0;
    for (int i = 0; i < 7; ++i)
        if ((u_features & (1 << i)) != 0) f[k++] = all[i];
    vec4 h[8], o[8];
    h[0] = vec4(f[0], f[1], f[2], f[3]);
    h[1] = vec4(f[4], f[5], f[6], f[7]);
    int row = 0;
    for (int layer = 0; layer < u_layers; ++layer) {
        int in4 = (u_sizes[layer] + 3) / 4, outputs = u_sizes[layer + 1];
        bool last = layer == u_layers - 1;
        int h_kind = last ? u_output : u_hidden;
        for (int j4 = 0; j4 < (outputs + 3) / 4; ++j4) {
            int r = row + 4 * j4;
            vec4 s = vec4(texelFetch(u_weights, ivec2(8, r), 0).r, texelFetch(u_weights, ivec2(8, r + 1), 0).r,
                          texelFetch(u_weights, ivec2(8, r + 2), 0).r, texelFetch(u_weights, ivec2(8, r + 3), 0).r);
            for (int t = 0; t < in4; ++t) {
                vec4 v = h[t];
                s += vec4(dot(texelFetch(u_weights, ivec2(t, r), 0), v), dot(texelFetch(u_weights, ivec2(t, r + 1), 0), v),
                          dot(texelFetch(u_weights, ivec2(t, r + 2), 0), v), dot(texelFetch(u_weights, ivec2(t, r + 3), 0), v));
            }
            vec4 z = last && u_output < 0 ? s : activate(h_kind, s);
            // Lanes past the last neuron read the next layer's rows: zeros here, as 0 · weight later.
            o[j4] = z * step(vec4(0.5, 1.5, 2.5, 3.5), vec4(float(outputs - 4 * j4)));
        }
        row += outputs;
        for (int t = 0; t < 8; ++t) h[t] = t < (outputs + 3) / 4 ? o[t] : vec4(0.0);
    }
    vec4 last = h[0];
#endif
    vec4 result = vec4(last.x, 0.0, 0.0, 0.0);
    if (u_output < 0) {
        int count = u_sizes[u_layers];  // classes
        vec4 p = last;
        float m = max(p.x, max(p.y, count > 2 ? p.z : p.y));
        vec3 e = vec3(exp(p.x - m), exp(p.y - m), count > 2 ? exp(p.z - m) : 0.0);
        result = vec4(e / (e.x + e.y + e.z), 0.0);
    }
#ifdef COLOURED
    // Every branch above is on uniforms: the lines' derivatives are defined here.
    if (u_colormap == 2) colour = class_colour(result.rgb);
    else colour = value_colour(result.r, bad(result.r));
#else
    value = result;
#endif
}
