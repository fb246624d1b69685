// Controls a lesson's link hides, as TensorFlow Playground's links can: a teacher sends a link that
// shows only what the lesson is about ("#playground:...&hide=opt,act,reg,features"). Each lab names
// the parts of its panel that can go; the panels skip the hidden ones and the rest of the layout
// closes up. The header's "Hide…" menu sets them; they stay in the link.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace nabla {

struct HideableControl {
    const char* key;    // in links: "lr"
    const char* label;  // for people, in English (translated where shown): "learning rate"
};

// The controls of one lab ("graph", "playground", "trajectory") that a link can hide.
const std::vector<HideableControl>& hideable_controls(const std::string& lab);

class HiddenControls {
public:
    bool hidden(const std::string& key) const { return keys_.count(key) > 0; }
    void set(const std::string& key, bool hide);
    void clear() { keys_.clear(); }
    bool empty() const { return keys_.empty(); }
    // "lr,batch": the link's value. Reading refuses a key no lab has (and then changes nothing).
    std::string text() const;
    bool read(const std::string& text, std::string& error);

private:
    std::set<std::string> keys_;
};

}  // namespace nabla
