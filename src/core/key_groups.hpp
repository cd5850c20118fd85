// Rows grouped by a small whole-number key (a customer's index, a day number less the first):
// a stable counting sort, the one way the book, its slices and the replay group rows. Two
// passes over the rows and one over the keys, where a comparison sort compares each row some
// log n times; each group keeps its rows in ascending order.
//
// Private to the library and the CLI (src/): core/ so that every folder may use it.
#ifndef KREDITOR_SRC_CORE_KEY_GROUPS_HPP
#define KREDITOR_SRC_CORE_KEY_GROUPS_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "kreditor/core/column.hpp"

namespace kreditor::detail {

/// Rows [0, n) grouped by key: the rows of key k are rows[start[k] .. start[k + 1]), ascending.
struct key_groups {
  column<std::uint32_t> start;  ///< keys + 1 offsets into rows
  column<std::uint32_t> rows;   ///< every row once, by key, ascending within a key (on huge pages: a million rows)
  /// The rows of key `k`. \pre k < start.size() - 1
  [[nodiscard]] std::span<const std::uint32_t> of(std::size_t k) const {
    return std::span(rows).subspan(start[k], start[k + 1] - start[k]);
  }
};

/// Rows [0, n) grouped by `key_of(r)`, each key below `keys` (key_of is called twice a row:
/// give it a stored key when computing one costs). \pre key_of(r) < keys for every r
template <class KeyOf>
[[nodiscard]] key_groups group_by_key(std::size_t n, std::size_t keys, KeyOf&& key_of) {
  key_groups g;
  g.start.assign(keys + 1, 0);
  for (std::size_t r = 0; r < n; ++r) ++g.start[static_cast<std::size_t>(key_of(r)) + 1];
  for (std::size_t k = 0; k < keys; ++k) g.start[k + 1] += g.start[k];
  g.rows.resize(n);
  std::vector<std::uint32_t> next(g.start.begin(), g.start.end() - 1);
  for (std::size_t r = 0; r < n; ++r) g.rows[next[static_cast<std::size_t>(key_of(r))]++] = static_cast<std::uint32_t>(r);
  return g;
}

}  // namespace kreditor::detail

#endif  // KREDITOR_SRC_CORE_KEY_GROUPS_HPP
