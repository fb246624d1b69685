// The numbers behind each lab's picture as CSV, for a spreadsheet or a report: the playground's
// loss and accuracy history, the Trajectory lab's paths, the Graph lab's node table. The page
// offers them as downloads (the header's Export menu) and the CLI writes the same text.
// Numbers are written to round-trip (shortest exact form); a value that does not exist (no test
// set, a non-finite value) is an empty field.
#pragma once

#include <string>
#include <vector>

#include "engine/expression_parser.h"
#include "lab/playground_lab.h"
#include "lab/trajectory_lab.h"

namespace nabla {

// step,epoch,train_loss,test_loss,train_accuracy,test_accuracy,grad_norm_W1,...
std::string history_csv(const std::vector<HistoryPoint>& history, int layers);
// run,optimizer,learning_rate,batch,step,w1,w2,loss: every point of every run's path.
std::string paths_csv(const TrajectoryLab& lab);
// node,name,op,value,gradient: the graph's nodes in evaluation order.
std::string nodes_csv(const ParsedExpression& parsed);

}  // namespace nabla
