// Compiled by ctest with the engine's include roots only: it must fail on the second line, since
// the engine may not reach up into lab/ (DESIGN.md: engine <- nn <- lab <- {ui, gfx} <- app).
#include "engine/range.h"
#include "lab/url_codec.h"
