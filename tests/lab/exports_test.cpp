// Exports: a weights file round-trips exactly through the playground and refuses bad files by
// naming where they are wrong; the CSV exports hold every recorded number; the CLI writes the same.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../cli/cli_run.h"
#include "lab/exports.h"
#include "lab/weights_file.h"

namespace nabla {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

TEST(Exports, AWeightsFileLoadsBackToTheSameNetworkAndNumbers) {
    PlaygroundLab trained;
    PlaygroundState s = trained.state().with_dataset(DatasetKind::Xor);
    s.hidden = {6, 3};
    s.activation = Activation::ReLU;
    ASSERT_TRUE(trained.set_state(s)) << trained.error();
    for (int i = 0; i < 400; ++i) trained.advance(1);
    const std::string file = trained.weights_json();
    EXPECT_EQ(file.rfind("{\"format\":\"nabla-weights\",\"version\":1,\"sizes\":[2,6,3,1]", 0), 0u) << file.substr(0, 200);

    PlaygroundLab fresh;  // the circle, 4-2: the file's settings rebuild xor, 6-3, ReLU
    ASSERT_TRUE(fresh.apply(playground::LoadWeights{file})) << fresh.error();
    EXPECT_TRUE(fresh.weights_from_file());
    EXPECT_EQ(fresh.state().to_string(), trained.state().to_string());
    for (size_t k = 0; k < trained.trainer().mlp().layers.size(); ++k) {
        EXPECT_EQ(fresh.trainer().mlp().layers[k].W, trained.trainer().mlp().layers[k].W) << k;
        EXPECT_EQ(fresh.trainer().mlp().layers[k].b, trained.trainer().mlp().layers[k].b) << k;
    }
    EXPECT_EQ(fresh.current().test_loss, trained.current().test_loss);
    EXPECT_EQ(fresh.current().test_accuracy, trained.current().test_accuracy);
    fresh.reset();  // back to the seed's weights: the file's are gone, and the lab says so
    EXPECT_FALSE(fresh.weights_from_file());
}

TEST(Exports, BadWeightsFilesAreNamedAndNothingChanges) {
    PlaygroundLab lab;
    const std::string good = lab.weights_json();
    const std::pair<std::string, std::string> cases[] = {
        {"{\"format\": \"nabla-weights\", ", "weights not loaded: not JSON: line 1, column 29: expected a string (a key)"},
        {"[1, 2]", "weights not loaded: not a Nabla weights file: it has no \"format\": \"nabla-weights\""},
        {"{\"format\": \"nabla-weights\", \"version\": 7}", "weights not loaded: weights file version 7: this Nabla reads version 1"},
        {"{\"format\": \"nabla-weights\", \"version\": 1, \"sizes\": [2, 99, 1]}", "weights not loaded: sizes[1] must be a whole number from 1 to 32"},
        {"{\"format\": \"nabla-weights\", \"version\": 1, \"sizes\": [2, 1], \"activation\": \"swish\"}",
         "weights not loaded: \"activation\" must be one of linear, relu, leaky_relu, tanh, sigmoid"},
        {"{\"format\": \"nabla-weights\", \"version\": 1, \"sizes\": [2, 1], \"activation\": \"tanh\", \"head\": \"sigmoid+bce\", "
         "\"layers\": [{\"W\": [[1, 1e39]], \"b\": [0]}]}",
         "weights not loaded: layers[0].W[0][1] is not a finite number"},
        {"{\"format\": \"nabla-weights\", \"version\": 1, \"sizes\": [2, 1], \"activation\": \"tanh\", \"head\": \"sigmoid+bce\", "
         "\"layers\": [{\"W\": [[1]], \"b\": [0]}]}",
         "weights not loaded: layers[0].W[0] must hold 2 numbers (one per input)"},
        {"{\"format\": \"nabla-weights\", \"version\": 1, \"sizes\": [2, 3], \"activation\": \"tanh\", \"head\": \"softmax+ce\", "
         "\"layers\": [{\"W\": [[1, 0], [0, 1], [1, 1]], \"b\": [0, 0, 0]}]}",
         "weights not loaded: they are for a 2-3 network with a softmax output; this data needs 2-1 with sigmoid"},
    };
    const std::string before = lab.to_json();
    for (const auto& [text, message] : cases) {
        EXPECT_FALSE(lab.apply(playground::LoadWeights{text})) << text;
        EXPECT_EQ(lab.error(), message) << text;
    }
    EXPECT_EQ(lab.state().to_string(), PlaygroundLab().state().to_string());
    EXPECT_TRUE(lab.apply(playground::LoadWeights{good})) << lab.error();
}

TEST(Exports, HistoryCsvHoldsEveryRecordAndLeavesMissingValuesEmpty) {
    PlaygroundLab lab;
    for (int i = 0; i < 100; ++i) lab.advance(1);
    const std::vector<std::string> rows = lines_of(history_csv(lab.history(), 3));
    ASSERT_EQ(rows.size(), lab.history().size() + 1);
    EXPECT_EQ(rows[0], "step,epoch,train_loss,test_loss,train_accuracy,test_accuracy,grad_norm_W1,grad_norm_W2,grad_norm_W3");
    const HistoryPoint& last = lab.history().back();
    std::istringstream cells(rows.back());
    std::string step, epoch, train_loss;
    std::getline(cells, step, ',');
    std::getline(cells, epoch, ',');
    std::getline(cells, train_loss, ',');
    EXPECT_EQ(std::stol(step), last.step);
    EXPECT_EQ(std::stod(train_loss), last.train_loss);  // exact: written to round-trip

    ASSERT_TRUE(lab.apply(playground::LoadCsv{"1,1,1\n-1,-1,0\n"})) << lab.error();
    const std::vector<std::string> own = lines_of(history_csv(lab.history(), 3));
    EXPECT_NE(own[1].find(",,"), std::string::npos) << own[1];  // no test set: empty fields, never "nan"
    EXPECT_EQ(own[1].find("nan"), std::string::npos);
}

TEST(Exports, NodeTableAndPathsAsCsv) {
    ParseError e;
    ParsedExpression p = parse_expression("f = (x + y) * z", e);
    ASSERT_TRUE(p.ok());
    p.graph.set_value(p.graph.find_input("x"), -2);
    p.graph.set_value(p.graph.find_input("y"), 5);
    p.graph.set_value(p.graph.find_input("z"), -4);
    p.graph.forward();
    p.graph.backward(p.output);
    const std::string csv = nodes_csv(p);
    EXPECT_NE(csv.find("x,input,-2,-4\n"), std::string::npos) << csv;  // lecture 004's E1: dF/dx = -4
    EXPECT_NE(csv.find("z,input,-4,3\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("f,mul,-12,1\n"), std::string::npos) << csv;

    TrajectoryLab t;
    t.step(10);
    const std::vector<std::string> rows = lines_of(paths_csv(t));
    size_t points = 0;
    for (int r = 0; r < t.run_count(); ++r) points += t.run(r).path.size();
    EXPECT_EQ(rows.size(), points + 1);
    EXPECT_EQ(rows[0], "run,optimizer,learning_rate,batch,step,w1,w2,loss");
}

TEST(Exports, TheCliWritesTheSameFilesAndThePageLoadsTheWeights) {
    const std::string history = ::testing::TempDir() + "nabla_history.csv", weights = ::testing::TempDir() + "nabla_weights.json";
    const CliRun r = run({"train", "--dataset", "circle", "--epochs", "5", "--history", history, "--weights", weights});
    ASSERT_EQ(r.code, 0) << r.err;
    std::ifstream h(history), w(weights);
    std::stringstream ht, wt;
    ht << h.rdbuf();
    wt << w.rdbuf();
    const std::vector<std::string> rows = lines_of(ht.str());
    ASSERT_EQ(rows.size(), 6u);
    EXPECT_EQ(rows[0].rfind("step,epoch,train_loss,test_loss", 0), 0u);
    PlaygroundLab lab;  // the page's default network is the CLI's: 2-4-2-1, tanh, sigmoid
    ASSERT_TRUE(lab.apply(playground::LoadWeights{wt.str()})) << lab.error();
    EXPECT_TRUE(lab.weights_from_file());
    EXPECT_GT(lab.current().test_accuracy, 0.6);
}

}  // namespace
}  // namespace nabla
