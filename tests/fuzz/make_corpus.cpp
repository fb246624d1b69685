// Writes the seed corpus (tests/fuzz/corpus/<target>/) from the app's own presets and links, so the
// fuzzers start from inputs the page really produces. Run by hand after a link format changes:
//   build/fuzz/tests/fuzz/make_corpus tests/fuzz/corpus
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "lab/graph_lab.h"
#include "lab/playground_lab.h"
#include "lab/trajectory_lab.h"

namespace fs = std::filesystem;
using namespace nabla;

static void write(const fs::path& dir, const std::string& name, const std::string& text) {
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << text;
}

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const fs::path root = argv[1];
    int n = 0;
    for (const GraphPreset& p : graph_presets()) {
        GraphLab lab;
        lab.apply({GraphCommand::LoadPreset, p.id});
        write(root / "fuzz_expression", std::string("preset-") + p.id, lab.state().expression);
        write(root / "fuzz_graph_link", std::string("preset-") + p.id, lab.link());
        ++n;
    }
    const std::vector<std::string> expressions = {
        "f = (x + y) * z", "q = x + y; f = q * z", "f = sigmoid(w0*x0 + w1*x1 + w2)", "f = max(x, y) + min(x, y) * abs(z)",
        "f = pow(x, 3) - sqrt(y) / log(z)", "f = relu(tanh(x)) ^ 2", "\xCF\x83(w*x)", "가중치 = 2; f = 가중치 * x",
        "f = exp(-x) / (1 + exp(-x))", "f = -pow(-cos(x), x)", "f = x / y", "f = ln(x) + sin(x) * cos(x)",
        "q = W @ x; f = norm2(q)", "s = W1 @ x; h = max(0, s); f = W2 @ h", "f = sum(tanh(X @ W.T + b))", "f = mean(A\xE1\xB5\x80 @ A) / norm2(v)",
    };
    for (size_t i = 0; i < expressions.size(); ++i) write(root / "fuzz_expression", "typed-" + std::to_string(i), expressions[i]);

    PlaygroundLab pg;
    write(root / "fuzz_playground_link", "default", pg.link());
    const std::vector<std::string> playground = {
        "data=circle&points=200&lr=0.03&batch=10&steps=1250&live=300:lr:0.3,500:batch:1&pick=2:0:1",
        "data=xor&points=200&lr=0.1", "data=spiral&layers=8,8,8&act=relu&opt=adam&reg=l2&rate=0.001",
        "data=own&own=c2:1.25,-3,1;0,0,0;2,2,1", "data=moons&cmp=lr:0.3,batch:1,opt:momentum",
        "data=sine&layers=16&lr=0.01&steps=40", "data=spiral3&layers=16,16&act=tanh&batch=30",
    };
    for (size_t i = 0; i < playground.size(); ++i) {
        PlaygroundLab lab;
        write(root / "fuzz_playground_link", "link-" + std::to_string(i), lab.apply(playground::LoadState{playground[i]}) ? lab.link() : playground[i]);
    }
    for (const std::string& name : TrajectoryLab::preset_names()) {
        TrajectoryLab lab;
        lab.load_preset(name);
        write(root / "fuzz_trajectory_link", "preset-" + name, lab.link());
    }
    write(root / "fuzz_trajectory_link", "far-start", "surface=linear&points=1000&runs=sgd%3A10%3A1%3A-999%3A-999");

    write(root / "fuzz_data_files", "classes.csv", "x1,x2,label\n1.25,-3,1\n0,0,0\n-2.5,4,2\n");
    write(root / "fuzz_data_files", "curve.csv", "x;y\n-1;-2\n0;0\n1;2\n");
    write(root / "fuzz_data_files", "weights.json", pg.weights_json());
    return n > 0 ? 0 : 1;
}
