// `nabla grad` with vectors and matrices (issue 14): lecture 001's E5 in, gradients in their
// inputs' shapes out, every element checked, shape and value mistakes refused with where.
#include <gtest/gtest.h>

#include "cli/cli.h"
#include "cli_run.h"
#include "lab/json_reader.h"

namespace nabla {
namespace {

const JsonValue& at(const JsonValue& v, const std::string& key) {
    const JsonValue* found = v.find(key);
    EXPECT_NE(found, nullptr) << key;
    static const JsonValue none;
    return found ? *found : none;
}

TEST(CliTensor, E5PrintsGradientsShapedLikeTheirInputs) {
    const CliRun r = run({"grad", "q = W @ x; f = norm2(q)", "W=[[0.1,0.5],[-0.3,0.8]]", "x=[0.2,0.4]", "--check", "--nodes"});
    ASSERT_EQ(r.code, 0) << r.err;
    JsonValue doc;
    std::string error;
    ASSERT_TRUE(read_json(r.out, doc, error)) << error;
    EXPECT_NEAR(at(at(doc, "output"), "value").number, 0.116, 1e-15);
    const JsonValue& dw = at(at(doc, "gradients"), "W");
    const double expected_w[2][2] = {{0.088, 0.176}, {0.104, 0.208}};
    ASSERT_EQ(dw.items.size(), 2u);
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j) EXPECT_NEAR(dw.items[static_cast<size_t>(i)].items[static_cast<size_t>(j)].number, expected_w[i][j], 1e-15);
    const JsonValue& dx = at(at(doc, "gradients"), "x");
    ASSERT_EQ(dx.items.size(), 2u);
    EXPECT_NEAR(dx.items[0].number, -0.112, 1e-15);
    EXPECT_NEAR(dx.items[1].number, 0.636, 1e-15);
    EXPECT_NE(r.out.find("\"shapes\":{\"W\":[2,2],\"x\":[2]}"), std::string::npos) << r.out;
    const JsonValue& check = at(doc, "check");
    ASSERT_EQ(check.items.size(), 6u);  // every element of W and x
    for (const JsonValue& row : check.items) EXPECT_TRUE(at(row, "agrees").boolean) << at(row, "element").text;
    EXPECT_NE(r.out.find("\"op\":\"matmul\",\"name\":\"q\",\"shape\":[2]"), std::string::npos) << r.out;
}

TEST(CliTensor, MistakesSayWhatAndWhere) {
    CliRun r = run({"grad", "q = W @ x; f = norm2(q)", "W=[[1,2,3],[4,5,6]]", "x=[1,2]"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("W @ x: (2\xC3\x97" "3) @ (2) does not fit at 7"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("\n        ^"), std::string::npos) << r.err;  // the caret under '@'
    r = run({"grad", "f = sum(W)", "W=[[1,2],[3]]"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "nabla grad: W: row 2 has 1 numbers, row 1 has 2\n");
    r = run({"grad", "f = sum(log(W @ x))", "W=[[1,2],[-3,-4]]", "x=[1,1]"});
    EXPECT_EQ(r.code, 3);
    EXPECT_EQ(r.err, "nabla grad: log of a negative number at log(W @ x)[2]\n");
    r = run({"grad", "q = W @ x", "W=[[1,2],[3,4]]", "x=[1,1]"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("the output q is (2): backprop starts from a number"), std::string::npos) << r.err;
    r = run({"grad", "f = sum(W)", "W=[[1,2],[3,4]]", "--csv"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "node,name,op,shape,value,gradient\n0,W,input,(2\xC3\x97" "2),\"[[1,2],[3,4]]\",\"[[1,1],[1,1]]\"\n1,f,sum,scalar,\"10\",\"1\"\n");
}

}  // namespace
}  // namespace nabla
