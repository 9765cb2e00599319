// The DELETES_DATA gate that `diff` and `migrate generate --auto-detect` share: a plan that
// deletes data (drops a table or column, or converts values that may not survive) is refused
// unless the caller allows DELETES_DATA, and the refusal suggests the rename annotation when a
// drop and a create look like a rename.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "confiture/catalog/catalog.hpp"
#include "confiture/diff/differ.hpp"
#include "confiture/diff/plan.hpp"

namespace confiture::diff {

// --allow-hazards values: hazard ids, or `all`. Throws CONFIG_012-class usage error (exit 5) for
// an unknown id.
std::set<Hazard> parse_allowed_hazards(const std::vector<std::string>& names);

// "column body of public.posts is dropped and column content of the same type added: ..." for
// each drop/add pair of one table (and dropped/created tables with the same columns) that a
// `-- confiture:renamed-from` annotation would turn into a rename.
std::vector<std::string> rename_suggestions(const catalog::Catalog& from,
                                            const catalog::Catalog& to, const Options& options);

// The statements with DELETES_DATA that `allowed` does not accept, as "  DELETES_DATA: message".
std::vector<std::string> refused_hazards(const Plan& plan, const std::set<Hazard>& allowed);

// Throws Error(DIFFER_404, exit 7) listing the refused statements, with the rename suggestions
// in the hint.
void refuse_hazards(const Plan& plan, const std::set<Hazard>& allowed,
                    const std::vector<std::string>& suggestions);

}  // namespace confiture::diff
