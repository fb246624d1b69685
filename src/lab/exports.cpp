#include "lab/exports.h"

#include <cmath>

#include "lab/json_writer.h"

namespace nabla {

namespace {

std::string field(double v) { return std::isfinite(v) ? format_number(v) : ""; }

}  // namespace

std::string history_csv(const std::vector<HistoryPoint>& history, int layers) {
    std::string out = "step,epoch,train_loss,test_loss,train_accuracy,test_accuracy";
    for (int k = 1; k <= layers; ++k) out += ",grad_norm_W" + std::to_string(k);
    out += "\n";
    for (const HistoryPoint& h : history) {
        out += std::to_string(h.step) + "," + field(h.epoch) + "," + field(h.train_loss) + "," + field(h.test_loss) + "," +
               field(h.train_accuracy >= 0 ? h.train_accuracy : NAN) + "," + field(h.test_accuracy >= 0 ? h.test_accuracy : NAN);
        for (int k = 0; k < layers; ++k) out += "," + (k < static_cast<int>(h.gradient_norms.size()) ? field(h.gradient_norms[k]) : "");
        out += "\n";
    }
    return out;
}

std::string paths_csv(const TrajectoryLab& lab) {
    std::string out = "run,optimizer,learning_rate,batch,step,w1,w2,loss\n";
    for (int r = 0; r < lab.run_count(); ++r) {
        const RunSettings& s = lab.state().runs[static_cast<size_t>(r)];
        const RunTrace& t = lab.run(r);
        const std::string head = std::to_string(r + 1) + "," + enum_key(s.optimizer) + "," + field(s.learning_rate) + "," + std::to_string(s.batch) + ",";
        for (size_t i = 0; i < t.path.size(); ++i)
            out += head + std::to_string(i) + "," + field(t.path[i].x) + "," + field(t.path[i].y) + "," + field(i < t.loss.size() ? t.loss[i] : NAN) + "\n";
    }
    return out;
}

std::string nodes_csv(const ParsedExpression& p) {
    std::string out = "node,name,op,value,gradient\n";
    if (!p.ok()) return out;
    for (int i = 0; i < p.graph.size(); ++i) {
        const Node& n = p.graph.node(i);
        std::string name = n.name;  // names are letters, digits and _ (any script): no quoting needed
        out += std::to_string(i) + "," + name + "," + op_info(n.op).name + "," + field(n.value) + "," + field(n.grad) + "\n";
    }
    return out;
}

}  // namespace nabla
