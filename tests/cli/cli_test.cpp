// `nabla grad` as a teacher would call it: lecture numbers in, JSON out, clear errors.
#include <gtest/gtest.h>

#include <fstream>

#include <sstream>

#include "cli/cli.h"
#include "cli_run.h"

namespace nabla {
namespace {

TEST(Cli, E1) {
    const CliRun r = run({"grad", "f = (x + y) * z", "x=-2", "y=5", "z=-4"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "{\"output\":{\"name\":\"f\",\"value\":-12},\"gradients\":{\"x\":-4,\"y\":-4,\"z\":3}}\n");
}

TEST(Cli, E2BothFormsPrintTheSameGradients) {
    const std::vector<std::string> values = {"w0=2", "x0=-1", "w1=-3", "x1=-2", "w2=-3"};
    std::vector<std::string> a = {"grad", "f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))"};
    std::vector<std::string> b = {"grad", "f = sigmoid(w0*x0 + w1*x1 + w2)"};
    a.insert(a.end(), values.begin(), values.end());
    b.insert(b.end(), values.begin(), values.end());
    const CliRun ra = run(a), rb = run(b);
    EXPECT_EQ(ra.code, 0);
    EXPECT_NE(ra.out.find("\"w0\":-0.19661193324148"), std::string::npos) << ra.out;
    EXPECT_NE(ra.out.find("\"x1\":-0.5898357997244"), std::string::npos) << ra.out;
    EXPECT_NE(rb.out.find("\"w0\":-0.19661193324148"), std::string::npos) << rb.out;
}

TEST(Cli, E3WithNodesAndCheck) {
    const CliRun r = run({"grad", "y_hat = x * w; s = y_hat - y; loss = s^2", "x=1", "w=1", "y=2", "--nodes", "--check"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\"output\":{\"name\":\"loss\",\"value\":1}"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"gradients\":{\"x\":-2,\"w\":-2,\"y\":2}"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("{\"id\":4,\"op\":\"sub\",\"name\":\"s\",\"value\":-1,\"grad\":-2"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"check\":[{\"input\":\"x\",\"analytic\":-2"), std::string::npos) << r.out;
}

TEST(Cli, BadInputExitsNonZeroWithTheParserMessage) {
    CliRun r = run({"grad", "f = (x + y", "x=1", "y=2"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("expected ')' at 11: the '(' at 5 is not closed"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("          ^"), std::string::npos) << r.err;  // caret under position 11
    EXPECT_TRUE(r.out.empty());

    EXPECT_EQ(run({"grad", "x * y", "x=1"}).code, 1);               // missing a value
    EXPECT_EQ(run({"grad", "x * y", "x=1", "y=abc"}).code, 2);      // not a number
    EXPECT_EQ(run({"grad", "x * y", "x=1", "y=2", "q=3"}).code, 1); // not an input
    EXPECT_EQ(run({"frobnicate"}).code, 2);
    EXPECT_EQ(run({}).code, 2);
}

// A gradient that is not finite, or a NaN hidden by relu or max, is an error with its cause, never
// a null or a 0 with exit 0 (both used to exit 0).
TEST(Cli, NonFiniteGradientsAndSwallowedNaNsExit3WithTheCause) {
    const std::pair<std::vector<std::string>, const char*> cases[] = {
        {{"grad", "-pow(-cos(x), x)", "x=1"}, "the gradient of a^b in b needs a > 0"},
        {{"grad", "relu(log(x))", "x=-1"}, "log of a negative number"},
        {{"grad", "max(log(x), 2)", "x=-1"}, "log of a negative number"},
        {{"grad", "min(2, sqrt(x))", "x=-4"}, "square root of a negative number"},
    };
    for (const auto& [args, cause] : cases) {
        CliRun r = run(args);
        EXPECT_EQ(r.code, 3) << args[1];
        EXPECT_NE(r.err.find(cause), std::string::npos) << args[1] << ": " << r.err;
        EXPECT_EQ(r.out.find("\"value\":0}"), std::string::npos) << "no swallowed 0: " << r.out;
    }
    EXPECT_EQ(run({"grad", "relu(x) + max(x, 1)", "x=-2"}).code, 0);  // finite everywhere: fine
}

TEST(Cli, NumbersAreStrictAndInputsGivenOnce) {
    CliRun hex = run({"grad", "x * y", "x=0x10", "y=2"});  // strtod alone reads 16
    EXPECT_EQ(hex.code, 2);
    EXPECT_NE(hex.err.find("expected name=number, got 'x=0x10'"), std::string::npos) << hex.err;
    CliRun twice = run({"grad", "x * y", "x=1", "x=2", "y=3"});
    EXPECT_EQ(twice.code, 2);
    EXPECT_NE(twice.err.find("x is given twice"), std::string::npos) << twice.err;
}

TEST(Cli, NonFiniteOutputIsReportedNotSilent) {
    const CliRun r = run({"grad", "f = log(x)", "x=-1"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.out.find("\"value\":null,\"issue\":\"log of a negative number\""), std::string::npos) << r.out;
}

TEST(CliTrain, PrintsOneJsonLinePerEpochAndLearns) {
    const CliRun r = run({"train", "--dataset", "xor", "--points", "200", "--layers", "8,8", "--optimizer", "adam",
                          "--lr", "0.01", "--epochs", "40", "--jsonl"});
    ASSERT_EQ(r.code, 0) << r.err;
    std::istringstream lines(r.out);
    std::string line, last;
    int count = 0;
    while (std::getline(lines, line)) ++count, last = line;
    EXPECT_EQ(count, 40);
    EXPECT_EQ(last.rfind("{\"epoch\":40,\"steps\":400,", 0), 0u) << last;  // 100 training points / batch 10
    const size_t at = last.find("\"test_accuracy\":");
    ASSERT_NE(at, std::string::npos);
    EXPECT_GE(std::stod(last.substr(at + 16)), 0.9) << last;
}

TEST(CliTrain, DivergenceStopsWithAMessageAndExitCode4) {
    const CliRun r = run({"train", "--dataset", "plane", "--layers", "8,8", "--activation", "relu", "--lr", "10", "--epochs", "50"});
    EXPECT_EQ(r.code, 4);
    EXPECT_NE(r.err.find("with learning rate 10: training paused; try a smaller learning rate"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("nan"), std::string::npos) << r.out;
}

// A finite loss that blew up is divergence too (exit 4), judged as the page judges it: this run's
// loss went from 0.75 to tens while staying finite, and used to exit 0.
TEST(CliTrain, ALossThatBlewUpExitsWith4) {
    CliRun r = run({"train", "--dataset", "spiral", "--optimizer", "rmsprop", "--lr", "10", "--epochs", "20"});
    EXPECT_EQ(r.code, 4) << r.out;
    EXPECT_NE(r.err.find("the training loss grew from"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("learning rate 10 is too large"), std::string::npos) << r.err;
    EXPECT_EQ(run({"train", "--dataset", "circle", "--batch", "1", "--epochs", "15"}).code, 0);  // SGD's noise is not divergence
}

TEST(CliTrain, BadSettingsAreRefused) {
    EXPECT_EQ(run({"train", "--layers", "4,0"}).code, 1);
    EXPECT_NE(run({"train", "--layers", "4,0"}).err.find("layer 2 has 0 neurons"), std::string::npos);
    EXPECT_EQ(run({"train", "--batch", "9999"}).code, 1);
    EXPECT_EQ(run({"train", "--lr", "nan"}).code, 2);
    EXPECT_EQ(run({"train", "--dataset", "mnist"}).code, 2);
    EXPECT_EQ(run({"train", "--frobnicate", "1"}).code, 2);
}

// One exit code per kind of error (the usage text lists them), and "--" ends the flags so an
// expression may start with "--" (minus minus x is x).
TEST(Cli, OneExitCodePerKindOfErrorAndDoubleDashEndsTheFlags) {
    EXPECT_EQ(run({"grad", "x * y", "x=1", "y=2"}).code, 0);
    EXPECT_EQ(run({"grad", "(x * y", "x=1", "y=2"}).code, 1);     // the expression
    EXPECT_EQ(run({"grad", "x * y", "x=1"}).code, 1);             // an input without a value
    EXPECT_EQ(run({"grad", "x * y", "x=1", "z=2", "y=1"}).code, 1);  // a value for no input
    EXPECT_EQ(run({"grad", "x * y", "x=1", "y=abc"}).code, 2);    // the command line
    EXPECT_EQ(run({"grad", "x", "--frobnicate", "x=1"}).code, 2);
    EXPECT_EQ(run({"grad", "log(x)", "x=-1"}).code, 3);           // not finite
    EXPECT_EQ(run({"train", "--dataset", "spiral", "--optimizer", "rmsprop", "--lr", "10", "--epochs", "20"}).code, 4);  // diverged
    EXPECT_EQ(run({"grad", "--check", "--", "--x", "x=2"}).code, 0);
    const CliRun r = run({"grad", "--", "--x * y", "x=2", "y=3"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "{\"output\":{\"name\":\"f\",\"value\":6},\"gradients\":{\"x\":3,\"y\":2}}\n");  // an unnamed output is f
    EXPECT_EQ(run({"grad", "--x", "x=2"}).code, 2);  // without "--" it is an unknown flag
    EXPECT_NE(run({"--help"}).out.find("exit codes: 0 done, 1"), std::string::npos);
}

}  // namespace
}  // namespace nabla

namespace nabla {
namespace {

// Your data from a file, as the page's CSV box reads it: trains on every point, names a bad row.
TEST(CliTrain, TrainsOnACsvFileAndNamesABadRow) {
    const std::string good = ::testing::TempDir() + "nabla_own.csv", bad = ::testing::TempDir() + "nabla_bad.csv";
    {
        std::ofstream f(good);
        f << "x1,x2,label\n";
        for (int i = 0; i < 40; ++i) f << (i % 2 ? 2 : -2) + 0.05 * i << "," << 0.1 * i - 2 << "," << i % 2 << "\n";
        std::ofstream(bad) << "x1,x2,label\n1,2,1\n3,4,5\n";
    }
    const CliRun r = run({"train", "--csv", good, "--layers", "4", "--lr", "0.1", "--epochs", "30", "--jsonl"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string last = r.out.substr(r.out.rfind("{\"epoch\":30"));
    EXPECT_NE(last.find("\"train_accuracy\":1"), std::string::npos) << last;
    EXPECT_EQ(last.find("test"), std::string::npos) << last;  // nothing held out: no test numbers at all

    const CliRun b = run({"train", "--csv", bad});
    EXPECT_EQ(b.code, 1);
    EXPECT_EQ(b.err, "nabla train: " + bad + ": row 3, column 3: the label must be 0, 1 or 2, not '5'\n");
    const CliRun none = run({"train", "--dataset", "own"});
    EXPECT_EQ(none.code, 2);
    EXPECT_NE(none.err.find("--csv FILE"), std::string::npos) << none.err;
}

}  // namespace
}  // namespace nabla

namespace nabla {
namespace {

// Lecture 002's PyTorch loop (shared/LESSONS.md E4), line for line: x = [1, 2, 3], y = [2, 4, 6],
// ŷ = x·w with no bias, w = 1.0, one sample at a time in order, lr 0.01, 20 epochs, in float32.
TEST(CliTrain, ReproducesLectureTwosLoop) {
    const std::string data = ::testing::TempDir() + "nabla_e4.csv", weights = ::testing::TempDir() + "nabla_e4.json";
    std::ofstream(data) << "x,y\n1,2\n2,4\n3,6\n";
    const CliRun r = run({"train", "--csv", data, "--layers", "none", "--no-bias", "--weight-init", "1", "--no-shuffle",
                          "--batch", "1", "--lr", "0.01", "--epochs", "20", "--trace", "--predict", "4", "--weights", weights});
    ASSERT_EQ(r.code, 0) << r.err;
    std::istringstream lines(r.out);
    std::string line;
    std::vector<std::string> all;
    while (std::getline(lines, line)) all.push_back(line);
    ASSERT_EQ(all.size(), 1u + 20u * 4u + 1u) << r.out;
    EXPECT_EQ(all[0], "predict (BT) 4 4");
    // Float32's eight digits, as PyTorch printed them; the notes round them: -2.0, -7.84, -16.2288.
    const double grads[] = {-2.0, -7.84, -16.2288};
    for (int k = 0; k < 3; ++k) {
        ASSERT_EQ(all[1 + k].rfind("\tgrad: " + std::to_string(k + 1) + " " + std::to_string(2 * k + 2) + " ", 0), 0u) << all[1 + k];
        EXPECT_NEAR(std::stod(all[1 + k].substr(all[1 + k].rfind(' '))), grads[k], 1e-5) << all[1 + k];
    }
    // The notes' epoch losses: 7.315944, 3.998764, ..., 7.5804e-05.
    const std::pair<int, double> losses[] = {{4, 7.315944}, {8, 3.998764}, {80, 7.5804e-05}};
    for (const auto& [at, loss] : losses) {
        ASSERT_EQ(all[at].rfind("progress: " + std::to_string(at / 4 - 1) + " ", 0), 0u) << all[at];
        EXPECT_NEAR(std::stod(all[at].substr(all[at].rfind(' '))), loss, loss * 1e-5) << all[at];
    }
    EXPECT_EQ(all[81], "predict (AT) 4 7.9904809");
    std::ifstream f(weights);
    const std::string json((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const size_t at = json.find("\"W\":[[");
    ASSERT_NE(at, std::string::npos) << json;
    EXPECT_EQ(static_cast<float>(std::stod(json.substr(at + 6))), 1.9976202f) << json;
}

}  // namespace
}  // namespace nabla
