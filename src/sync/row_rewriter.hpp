// Rewrites rows of COPY's text format field by field: only the fields with a strategy are
// decoded, rewritten and re-encoded; every other byte passes through untouched.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "confiture/sync/anonymizer.hpp"

namespace confiture::sync {

class RowRewriter {
 public:
  struct Step {
    std::size_t field = 0;
    std::unique_ptr<Anonymizer> anonymizer;  // null: the field is sent as NULL
  };
  explicit RowRewriter(std::vector<Step> steps);  // steps in any order, one per field

  bool empty() const { return steps_.empty(); }
  // Appends the rewritten `row` ('\n'-terminated, as COPY TO sends it) to `out`. Throws
  // Error(SYNC_303) for a row with fewer fields than a step needs.
  void rewrite(std::string_view row, std::string& out);

 private:
  std::vector<Step> steps_;  // sorted by field
  std::string decoded_, replaced_;
};

// COPY text escaping (exposed for tests).
void copy_decode(std::string_view field, std::string& out);
void copy_encode(std::string_view value, std::string& out);

}  // namespace confiture::sync
