// What a presentation clicker or the keyboard asks of the lab on screen, whatever the lab: the
// next step (of backprop, of training), the previous one, the first, the last, run or pause. Each
// lab turns these into one of its own commands (nav_command), or into nothing.
#pragma once

namespace nabla {

enum class Nav { Next, Back, First, Last, RunPause };

}  // namespace nabla
