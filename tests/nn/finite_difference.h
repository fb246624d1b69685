// Central differences in double precision for any scalar function of a matrix: the oracle that
// every backward pass of engine/ and nn/ is checked against.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "engine/tensor.h"

namespace nabla {

// dF/dM by (F(M + h e_ij) - F(M - h e_ij)) / 2h, entry by entry; M is restored.
template <class M>
M numeric_gradient(M& m, const std::function<double()>& F, double h = 1e-6) {
    M g = M::Zero(m.rows(), m.cols());
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j) {
            const double keep = m(i, j);
            m(i, j) = keep + h;
            const double plus = F();
            m(i, j) = keep - h;
            const double minus = F();
            m(i, j) = keep;
            g(i, j) = (plus - minus) / (2 * h);
        }
    return g;
}

// max |a - n| / max(|a|, |n|, floor): relative, except for entries that are essentially zero.
template <class A, class B>
double max_relative_error(const A& analytic, const B& numeric, double floor = 1e-7) {
    double worst = 0;
    for (Eigen::Index i = 0; i < analytic.rows(); ++i)
        for (Eigen::Index j = 0; j < analytic.cols(); ++j) {
            const double a = analytic(i, j), n = numeric(i, j);
            worst = std::max(worst, std::fabs(a - n) / std::max({std::fabs(a), std::fabs(n), floor}));
        }
    return worst;
}

template <class T>
Matrix<T> random_matrix(int rows, int cols, unsigned seed, double scale = 1.0) {
    Matrix<T> m(rows, cols);
    unsigned s = seed * 2654435761u + 12345u;
    for (Eigen::Index i = 0; i < m.size(); ++i) {
        s = s * 1664525u + 1013904223u;
        m.data()[i] = static_cast<T>(scale * ((s >> 8) / 16777216.0 * 2 - 1));
    }
    return m;
}

}  // namespace nabla
