// An object the catalog model does not cover (an operator, a rule, a publication, ...): listed so
// that a diff never reports "no changes" for two databases that may differ there.
#pragma once

#include <string>

namespace confiture::catalog {

struct UnsupportedObject {
  std::string kind{};    // "operator", "rule", "event trigger", ...
  std::string schema{};  // empty for an object of the whole database
  std::string name{};    // as people write it: "+(integer, integer)", "no_delete on users"
};

}  // namespace confiture::catalog
