// `nabla train`: trains an MLP on a generated dataset and prints loss and accuracy per epoch, so a
// teacher can prepare a demo (and tests can run the engine headless) with the page's own code.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <type_traits>

#include "cli/cli.h"
#include "engine/i18n.h"
#include "engine/number_text.h"
#include "lab/exports.h"
#include "lab/json_writer.h"
#include "lab/weights_file.h"
#include "lab/url_codec.h"
#include "nn/divergence.h"
#include "nn/own_data.h"
#include "nn/trainer.h"

namespace nabla {

std::string usage_block(const std::vector<std::string>& lines, size_t hang);  // cli.cpp

namespace {

// The choices come from the enums' tables: a new optimizer or dataset shows here by itself. Only
// "usage:" is words; the flags and their values are the same in every language.
std::string train_usage() {
    return usage_block({"nabla train [--dataset " + enum_keys<DatasetKind>() + "] [--csv FILE] [--points 500]",
                        "[--noise 0] [--train-fraction 0.5] [--layers 4,2] [--activation " + enum_keys<Activation>() + "]",
                        "[--head auto|" + enum_keys<Head>() + "] [--init " + enum_keys<Init>() + "]",
                        "[--bias-init 0] [--no-bias] [--weight-init 1] [--optimizer " + enum_keys<OptimizerKind>() + "]",
                        "[--lr 0.03] [--batch 10] [--no-shuffle] [--l1 0] [--l2 0] [--epochs 100] [--seed 1]",
                        "[--jsonl | --trace] [--predict X] [--lang " + enum_keys<Language>() + "]",
                        "[--history FILE.csv] [--weights FILE.json]"},
                       std::string("nabla train ").size());
}

bool parse_sizes(const std::string& text, std::vector<int>& out) {
    out.clear();
    if (text.empty() || text == "none") return true;  // no hidden layer
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) {
        double v = 0;
        if (!parse_finite(part, v) || v != static_cast<int>(v)) return false;
        out.push_back(static_cast<int>(v));
    }
    return true;
}

}  // namespace

int train_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::map<std::string, std::string> flags = {
        {"dataset", "circle"}, {"points", "500"}, {"noise", "0"}, {"train-fraction", "0.5"}, {"layers", "4,2"},
        {"activation", "tanh"}, {"head", "auto"}, {"init", "auto"}, {"bias-init", "0"}, {"optimizer", "sgd"},
        {"lr", "0.03"}, {"batch", "10"}, {"l1", "0"}, {"l2", "0"}, {"epochs", "100"}, {"seed", "1"}, {"csv", ""}, {"history", ""}, {"weights", ""},
        {"weight-init", ""}, {"predict", ""}};
    // Switches: --jsonl, and lecture 002's loop: --no-bias, --no-shuffle, --trace (every step's gradient).
    std::map<std::string, bool> switches = {{"jsonl", false}, {"no-bias", false}, {"no-shuffle", false}, {"trace", false}};
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) == 0 && switches.count(a.substr(2))) { switches[a.substr(2)] = true; continue; }
        if (a.rfind("--", 0) != 0 || !flags.count(a.substr(2)) || i + 1 >= args.size())
            return err << "nabla train: " << trf("unexpected '%s'", a.c_str()) << "\n" << train_usage(), 2;
        flags[a.substr(2)] = args[++i];
    }
    auto number = [&](const char* name, double& v) {
        if (parse_finite(flags[name], v)) return true;
        err << "nabla train: " << trf("--%s must be a finite number, not '%s'", name, flags[name].c_str()) << "\n";
        return false;
    };
    const bool jsonl = switches["jsonl"], trace = switches["trace"];
    if (jsonl && trace) return err << "nabla train: " << tr("--jsonl and --trace print different things: pick one") << "\n", 2;
    double points, noise, fraction, bias_init, lr, batch, l1, l2, epochs, seed, weight_init = 1, predict = 0;
    const bool has_predict = !flags["predict"].empty();
    if ((!flags["weight-init"].empty() && !number("weight-init", weight_init)) || (has_predict && !number("predict", predict))) return 2;
    if (!number("points", points) || !number("noise", noise) || !number("train-fraction", fraction) ||
        !number("bias-init", bias_init) || !number("lr", lr) || !number("batch", batch) || !number("l1", l1) ||
        !number("l2", l2) || !number("epochs", epochs) || !number("seed", seed))
        return 2;

    // An unknown choice is refused with the ones there are.
    auto pick = [&](const char* flag, auto& into) {
        if (enum_from_key(flags[flag], into)) return true;
        err << "nabla train: "
            << trf("unknown %s '%s' (one of %s)", flag, flags[flag].c_str(), enum_keys<std::decay_t<decltype(into)>>(", ").c_str()) << "\n";
        return false;
    };
    DatasetDesc data;
    if (!pick("dataset", data.kind)) return 2;
    data.points = static_cast<int>(points);
    data.noise = noise;
    data.train_fraction = fraction;
    data.seed = static_cast<std::uint64_t>(seed);
    if (!flags["csv"].empty()) data.kind = DatasetKind::Own;  // the page's "your data", every point training
    if (data.kind == DatasetKind::Own && flags["csv"].empty())
        return err << "nabla train: " << tr("--dataset own reads its points from --csv FILE (x1,x2,label or x,y)") << "\n", 2;
    if (const std::string e = data.validate(); !e.empty()) return err << "nabla train: " << e << "\n", 1;
    DataSplit split;
    if (data.kind == DatasetKind::Own) {
        std::ifstream file(flags["csv"], std::ios::binary);
        if (!file) return err << "nabla train: " << trf("cannot read '%s'", flags["csv"].c_str()) << "\n", 1;
        std::stringstream text;
        text << file.rdbuf();
        OwnData own;
        std::string why;
        if (!parse_own_csv(text.str(), own, why)) return err << "nabla train: " << flags["csv"] << ": " << why << "\n", 1;
        split = own_dataset(own);
    } else {
        split = make_dataset(data);
    }

    TrainerDesc desc;
    std::vector<int> hidden;
    if (!parse_sizes(flags["layers"], hidden)) return err << "nabla train: " << tr("--layers takes sizes like 4,2") << "\n", 2;
    if (!pick("activation", desc.mlp.hidden) || !pick("init", desc.mlp.init) || !pick("optimizer", desc.optimizer.kind)) return 2;
    const Dataset& train = split.train;
    desc.mlp.head = head_for_task(train.classes);  // lecture 001's table, unless --head says otherwise
    if (flags["head"] != "auto" && !pick("head", desc.mlp.head)) return 2;
    const int outputs = head_outputs(desc.mlp.head, train.classes);
    desc.mlp.sizes = {static_cast<int>(train.X.cols())};
    desc.mlp.sizes.insert(desc.mlp.sizes.end(), hidden.begin(), hidden.end());
    desc.mlp.sizes.push_back(outputs);
    desc.mlp.bias_init = static_cast<float>(bias_init);
    desc.mlp.bias = !switches["no-bias"];
    if (!flags["weight-init"].empty()) {  // a value for every weight: constant, unless --init says otherwise
        if (flags["init"] == "auto") desc.mlp.init = Init::Constant;
        desc.mlp.weight_init = static_cast<float>(weight_init);
    }
    desc.shuffle = !switches["no-shuffle"];
    desc.mlp.seed = static_cast<std::uint64_t>(seed);
    desc.shuffle_seed = static_cast<std::uint64_t>(seed) + 1;
    desc.optimizer.learning_rate = lr;
    desc.optimizer.l1 = l1;
    desc.optimizer.l2 = l2;
    desc.batch_size = static_cast<int>(batch);
    if (batch != desc.batch_size) return err << "nabla train: " << tr("--batch must be a whole number") << "\n", 2;

    std::string error;
    std::unique_ptr<Trainer> trainer = Trainer::create(desc, std::move(split), error);
    if (!trainer) return err << "nabla train: " << error << "\n", 1;

    if (has_predict && trainer->data().train.X.cols() != 1)
        return err << "nabla train: " << tr("--predict X needs data with one input (x,y points, or --dataset line)") << "\n", 2;
    auto prediction = [&] {
        Activations<float> acts;
        acts.reserve(trainer->mlp().desc(), 1);
        const float x = static_cast<float>(predict);
        trainer->mlp().forward(ConstMatrixView<float>(&x, 1, 1), acts);
        return float_text(acts.z.back()(0, 0));
    };
    // The notes' own lines (lecture 002 prints them from its Python loop): BT before training, AT after.
    if (has_predict) out << "predict (BT) " << plain_number(predict) << " " << prediction() << "\n";

    // Divergence as the page judges it (nn/divergence.h): a refused step, or a training loss far
    // above its best for a whole epoch. Exit 4 either way, with the epoch's line saying so.
    DivergenceWatch watch;
    watch.observe(trainer->evaluate(trainer->data().train).loss, 0);
    std::vector<HistoryPoint> history;  // for --history: the page's columns, once per epoch
    for (int epoch = 1; epoch <= static_cast<int>(epochs); ++epoch) {
        const long target = epoch;
        while (trainer->epochs() < target && !trainer->diverged()) {
            // --trace: lecture 002's "grad:" line for each step, the sample and every gradient.
            const int sample = trainer->next_sample();
            if (!trainer->step() || !trace) continue;
            std::string line = "\tgrad:";
            const Dataset& d = trainer->data().train;
            if (trainer->last_batch_rows() == 1) {
                for (Eigen::Index f = 0; f < d.X.cols(); ++f) line += " " + float_text(d.X(sample, f));
                line += " " + float_text(d.y(sample, 0));
            }
            int parameters = 0;
            for (const Layer<float>& L : trainer->mlp().layers) parameters += static_cast<int>(L.dW.size() + (trainer->mlp().desc().bias ? L.db.size() : 0));
            if (parameters <= 8) {
                for (const Layer<float>& L : trainer->mlp().layers) {
                    for (Eigen::Index k = 0; k < L.dW.size(); ++k) line += " " + float_text(L.dW.data()[k]);
                    if (trainer->mlp().desc().bias)
                        for (Eigen::Index k = 0; k < L.db.size(); ++k) line += " " + float_text(L.db.data()[k]);
                }
            } else {
                double norm = 0;
                for (const Layer<float>& L : trainer->mlp().layers) norm += L.dW.squaredNorm();
                line += " " + trf("|dC/dW| = %s", float_text(static_cast<float>(std::sqrt(norm))).c_str());
            }
            out << line << "\n";
        }
        const bool held_out = trainer->data().test.size() > 0;  // your data (--csv): every point trains
        const Metrics on_train = trainer->evaluate(trainer->data().train);
        const Metrics on_test = held_out ? trainer->evaluate(trainer->data().test) : Metrics{NAN, NAN};
        if (trainer->diverged() || watch.observe(on_train.loss, epoch)) {
            const std::string why = trf("%s: learning rate %g is too large; try %g",
                                        trainer->diverged() ? trainer->divergence().c_str() : watch.message().c_str(), lr, lr / 10);
            if (jsonl) {
                JsonWriter w;
                w.begin_object().key("epoch").value(epoch).key("diverged").value(why).end_object();
                out << w.str() << "\n";
            }
            err << "nabla train: " << why << "\n";
            return 4;
        }
        HistoryPoint h{trainer->steps(), trainer->epoch_progress(), on_train.loss, on_test.loss, on_train.accuracy, on_test.accuracy, {}};
        for (const Layer<float>& L : trainer->mlp().layers) h.gradient_norms.push_back(L.dW.norm());
        history.push_back(std::move(h));
        if (trace) {  // the notes' line: the epoch counted from 0, and the last step's loss
            out << "progress: " << epoch - 1 << " " << float_text(trainer->last_loss()) << "\n";
        } else if (jsonl) {
            JsonWriter w;
            w.begin_object().key("epoch").value(epoch).key("steps").value(static_cast<int>(trainer->steps())).key("train_loss").value(on_train.loss);
            if (held_out) w.key("test_loss").value(on_test.loss);
            if (on_train.accuracy >= 0) w.key("train_accuracy").value(on_train.accuracy);
            if (on_train.accuracy >= 0 && held_out) w.key("test_accuracy").value(on_test.accuracy);
            w.end_object();
            out << w.str() << "\n";
        } else if (!held_out) {
            out << (on_train.accuracy >= 0 ? trf("epoch %4d  train loss %.5f  acc %.3f", epoch, on_train.loss, on_train.accuracy)
                                           : trf("epoch %4d  train loss %.5f", epoch, on_train.loss)) << "\n";
        } else if (on_train.accuracy >= 0) {
            out << trf("epoch %4d  train loss %.5f  acc %.3f   test loss %.5f  acc %.3f", epoch, on_train.loss, on_train.accuracy, on_test.loss, on_test.accuracy) << "\n";
        } else {
            out << trf("epoch %4d  train loss %.5f   test loss %.5f", epoch, on_train.loss, on_test.loss) << "\n";
        }
    }
    if (has_predict) out << "predict (AT) " << plain_number(predict) << " " << prediction() << "\n";
    // The same files as the page's Export menu.
    auto save = [&](const char* flag, const std::string& text) {
        if (flags[flag].empty()) return true;
        std::ofstream file(flags[flag], std::ios::binary);
        file << text;
        if (file.flush()) return true;
        err << "nabla train: " << trf("cannot write '%s'", flags[flag].c_str()) << "\n";
        return false;
    };
    WeightsFile weights = weights_of(trainer->mlp());
    weights.features = trainer->data().train.X.cols() == 1 ? "x1" : "x1,x2";
    weights.steps = trainer->steps();
    if (!save("history", history_csv(history, trainer->mlp().layer_count())) || !save("weights", write_weights_json(weights))) return 1;
    return 0;
}

}  // namespace nabla
