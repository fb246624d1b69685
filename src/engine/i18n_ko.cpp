// The Korean table: English text as the program writes it -> the lecture notes' words.
// Vocabulary from ../shared/seeds: 역전파, 순전파, 연쇄법칙, 경사 하강법, 확률적 경사 하강법 (SGD),
// 그래디언트 (기울기), 손실 함수, 가중치, 매개변수, 계층, 노드, 야코비안. Format strings keep the
// English conversions (%g, %s, %d) in the same order, or number them (%1$s).
#include "engine/i18n.h"

namespace nabla {

extern const Translation kKorean[] = {
#include "engine/i18n_ko_graph.inc"
#include "engine/i18n_ko_playground.inc"
#include "engine/i18n_ko_trajectory.inc"
#include "engine/i18n_ko_app_cli.inc"
#include "engine/i18n_ko_lessons.inc"
#include "engine/i18n_ko_tensor.inc"
    {"English", "English"},
};
extern const size_t kKoreanCount = sizeof(kKorean) / sizeof(kKorean[0]);

}  // namespace nabla
