// The tables are the one place a name or a range is written: every row must reach links, the
// hook, the CLI and the panels' labels, and the messages and limits must come from the rows.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/cli.h"
#include "lab/playground_lab.h"
#include "lab/trajectory_lab.h"

namespace nabla {
namespace {

int run_cli_quietly(const std::vector<std::string>& args, std::string* err = nullptr) {
    std::ostringstream out, e;
    const int code = run_cli(args, out, e);
    if (err) *err = e.str();
    return code;
}

// Every optimizer row, by its key alone: a link of each lab, the hook of each lab, the CLI, and
// the label list the panels' combos show. A new row in EnumTable<OptimizerKind> is picked up by
// all of them with nothing else written (its maths aside).
TEST(Tables, EveryOptimizerReachesLinksHookCliAndLabels) {
    for (int i = 0; i < enum_count<OptimizerKind>(); ++i) {
        const EnumRow<OptimizerKind>& row = EnumTable<OptimizerKind>::rows[i];
        SCOPED_TRACE(row.key);
        EXPECT_STREQ(enum_labels<OptimizerKind>()[i], row.label);

        PlaygroundState s;
        s.optimizer = row.value;
        EXPECT_NE(s.to_string().find(std::string("opt=") + row.key), std::string::npos);
        PlaygroundState back;
        std::string why;
        ASSERT_TRUE(PlaygroundState::from_string(s.to_string(), back, why)) << why;
        EXPECT_EQ(back.optimizer, row.value);

        PlaygroundLab lab;
        PlaygroundCommand c;
        ASSERT_TRUE(PlaygroundLab::parse_command("optimizer", row.key, 0, c, why)) << why;
        ASSERT_TRUE(lab.apply(c)) << lab.error();
        EXPECT_EQ(lab.state().optimizer, row.value);
        EXPECT_EQ(lab.advance(3), 3);

        TrajectoryState t;
        t.runs = {RunSettings{}};
        t.runs[0].optimizer = row.value;
        TrajectoryState t_back;
        ASSERT_TRUE(TrajectoryState::from_string(t.to_string(), t_back, why)) << why;
        EXPECT_EQ(t_back.runs[0].optimizer, row.value);
        TrajectoryLab tl;
        TrajectoryCommand tc;
        ASSERT_TRUE(TrajectoryLab::parse_command("optimizer", "0", i, tc, why)) << why;
        ASSERT_TRUE(tl.apply(tc)) << tl.error();
        EXPECT_EQ(tl.state().runs[0].optimizer, row.value);

        std::string err;
        EXPECT_EQ(run_cli_quietly({"train", "--optimizer", row.key, "--epochs", "1", "--points", "40", "--lr", "0.01"}, &err), 0) << err;
    }
    std::string err;
    EXPECT_EQ(run_cli_quietly({"train", "--optimizer", "lbfgs"}, &err), 2);
    EXPECT_NE(err.find(enum_keys<OptimizerKind>(", ")), std::string::npos) << err;  // the choices, from the table
}

TEST(Tables, EveryDatasetReachesLinksHookCliAndLabels) {
    for (int i = 0; i < enum_count<DatasetKind>(); ++i) {
        const EnumRow<DatasetKind>& row = EnumTable<DatasetKind>::rows[i];
        SCOPED_TRACE(row.key);
        EXPECT_STREQ(enum_labels<DatasetKind>()[i], row.label);
        PlaygroundLab lab;
        PlaygroundCommand c;
        std::string why;
        ASSERT_TRUE(PlaygroundLab::parse_command("data", row.key, 0, c, why)) << why;
        ASSERT_TRUE(lab.apply(c)) << lab.error();
        EXPECT_EQ(lab.state().dataset, row.value);
        EXPECT_NE(lab.link().find(std::string("data=") + row.key + "&"), std::string::npos);
        PlaygroundState back;
        ASSERT_TRUE(PlaygroundState::from_string(lab.link(), back, why)) << why;
        EXPECT_EQ(back.dataset, row.value);
        std::string err;
        // Your data needs its points: the CLI reads them from --csv (tests/cli/cli_test.cpp).
        EXPECT_EQ(run_cli_quietly({"train", "--dataset", row.key, "--epochs", "1", "--points", "40"}, &err),
                  row.value == DatasetKind::Own ? 2 : 0) << err;
    }
}

TEST(Tables, EveryEnumTableHasDistinctKeysThatReadBack) {
    auto check = [](auto tag) {
        using E = decltype(tag);
        for (const EnumRow<E>& r : EnumTable<E>::rows) {
            E back{};
            EXPECT_TRUE(enum_from_key(r.key, back)) << r.key;
            EXPECT_EQ(back, r.value) << r.key;
            EXPECT_NE(std::string(r.label), "") << r.key;
            EXPECT_NE(std::string(r.short_label), "") << r.key;
        }
        E none{};
        EXPECT_FALSE(enum_from_key("no-such-key", none));
        EXPECT_FALSE(enum_from_index(enum_count<E>(), none));
        EXPECT_FALSE(enum_from_index(-1, none));
        EXPECT_FALSE(enum_from_index(0.5, none));
    };
    check(OptimizerKind{});
    check(Activation{});
    check(Head{});
    check(Init{});
    check(Regularization{});
    check(DatasetKind{});
    check(SurfaceKind{});
}

// Each number row: its ends are accepted, one step past them is refused with a message made of
// the row's own label and range, and whatever is accepted comes back out of a link unchanged.
template <class S>
void check_rows(const SettingTable<S>& table, const S& base) {
    for (const Setting<S>& row : table) {
        if (row.kind == SettingKind::Text) continue;
        SCOPED_TRACE(row.key);
        EXPECT_TRUE(row.range.contains(row.get(base))) << "the default is in range";
        const Range slider = row.slider_limits();
        EXPECT_TRUE(row.range.contains(slider.lo) && row.range.contains(slider.hi)) << "the slider stays in range";
        for (const double v : {row.range.lo, row.range.hi, slider.lo, slider.hi}) {
            S s = base;
            std::string error;
            ASSERT_TRUE(set_setting(row, v, s, error)) << v << ": " << error;
            S back = base;
            ASSERT_TRUE(read_setting(row, setting_text(row, s), back, error)) << setting_text(row, s) << ": " << error;
            EXPECT_EQ(row.get(back), row.get(s)) << setting_text(row, s);
        }
        const double past = row.kind == SettingKind::Number ? row.range.hi * 1.5 + 1 : row.range.hi + 1;
        S s = base;
        std::string error;
        EXPECT_FALSE(set_setting(row, past, s, error));
        if (row.kind != SettingKind::Choice) {
            EXPECT_EQ(error, std::string(row.label) + " must be " + between(row.range));
        }
        EXPECT_EQ(row.get(s), row.get(base)) << "a refusal changes nothing";
    }
}

TEST(Tables, EveryNumberRowTakesItsEndsAndRefusesPastThem) {
    check_rows(playground_settings(), PlaygroundState{});
    TrajectoryState t;
    t.runs = {RunSettings{}};
    check_rows(trajectory_settings(), t);
    check_rows(run_settings(), RunSettings{});
}

TEST(Tables, TheHookSetsEveryPlaygroundNumberByItsKey) {
    for (const Setting<PlaygroundState>& row : playground_settings()) {
        if (row.kind == SettingKind::Text) continue;
        PlaygroundLab lab;
        PlaygroundCommand c;
        std::string why;
        const double v = row.slider_limits().lo;
        ASSERT_TRUE(PlaygroundLab::parse_command(row.key, "", v, c, why)) << row.key << ": " << why;
        EXPECT_TRUE(lab.apply(c)) << row.key << ": " << lab.error();
        EXPECT_EQ(row.get(lab.state()), v) << row.key;
    }
}

// Links handed out before the tables keep opening, to the same state.
TEST(Tables, OldLinksOpen) {
    EXPECT_EQ(PlaygroundState{}.to_string(),
              "data=circle&points=500&noise=0&train=0.5&seed=1&features=x1,x2&layers=4,2&act=tanh&lr=0.03&batch=10&opt=sgd&reg=none&rate=0.001");
    PlaygroundState p;
    std::string why;
    ASSERT_TRUE(PlaygroundState::from_string("data=spiral&layers=16%2C16&act=relu&opt=adam&lr=0.01", p, why)) << why;
    EXPECT_EQ(p.hidden, (std::vector<int>{16, 16}));
    EXPECT_EQ(p.optimizer, OptimizerKind::Adam);
    TrajectoryState t;
    ASSERT_TRUE(TrajectoryState::from_string(
        "surface=linear&points=32&noise=0.5&kappa=10&seed=1&sampling=1&runs=sgd%3A0.05%3A1%3A-0.5%3A2.5%3Bsgd%3A0.05%3A8%3A-0.5%3A2.5%3A0.5", t,
        why))
        << why;
    ASSERT_EQ(t.runs.size(), 2u);
    EXPECT_EQ(t.runs[0].momentum, 0.9);  // five fields: μ from before it was in links
    EXPECT_EQ(t.runs[1].batch, 8);
    EXPECT_EQ(t.runs[1].momentum, 0.5);
    EXPECT_EQ(t.to_string(), "surface=linear&points=32&noise=0.5&kappa=10&seed=1&sampling=1&runs=sgd:0.05:1:-0.5:2.5:0.9;sgd:0.05:8:-0.5:2.5:0.5");
}

TEST(Tables, RefusalsNameTheRowAndItsLimits) {
    PlaygroundState p;
    std::string why;
    EXPECT_FALSE(PlaygroundState::from_string("batch=0", p, why));
    EXPECT_EQ(why, "batch must be a whole number from 1 to 100000, not '0'");
    EXPECT_FALSE(PlaygroundState::from_string("opt=lbfgs", p, why));
    EXPECT_EQ(why, "unknown optimizer 'lbfgs'");
    EXPECT_FALSE(PlaygroundState::from_string("layers=4,33", p, why));
    EXPECT_EQ(why, "each hidden layer has 1 to 32 neurons");
    TrajectoryState t;
    EXPECT_FALSE(TrajectoryState::from_string("runs=sgd:0.1:1:0:0:2", t, why));
    EXPECT_EQ(why, "the momentum \xCE\xBC must be between 0 and 0.999");
    EXPECT_FALSE(TrajectoryState::from_string("runs=sgd:0.1:1:0:zero", t, why));
    EXPECT_EQ(why, "in the run 'sgd:0.1:1:0:zero': y must be a number, not 'zero'");
}

}  // namespace
}  // namespace nabla
