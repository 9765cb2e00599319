// Owners of libpg_query's results (freed once, never copied), for every module that reads SQL
// with libpg_query (the readers in src/sql/, the differ's lock reader, sync's --where check).
#pragma once

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "confiture/sql/json_view.hpp"

namespace confiture::sql {

// The JSON parse tree, not the protobuf one: libpg_query builds and packs the protobuf tree
// several times slower than it prints JSON, and JsonView reads only the few fields we need.
class ParseTree {
 public:
  explicit ParseTree(const std::string& text) : result_(pg_query_parse(text.c_str())) {}
  ~ParseTree() { pg_query_free_parse_result(result_); }
  ParseTree(const ParseTree&) = delete;
  ParseTree& operator=(const ParseTree&) = delete;

  const PgQueryError* error() const { return result_.error; }
  JsonView root() const {
    return result_.parse_tree != nullptr ? JsonView(result_.parse_tree) : JsonView();
  }

 private:
  PgQueryParseResult result_;
};

// pg_query_parse_plpgsql()'s result: the JSON of each PL/pgSQL function's statements.
class PlpgsqlTree {
 public:
  explicit PlpgsqlTree(const std::string& text) : result_(pg_query_parse_plpgsql(text.c_str())) {}
  ~PlpgsqlTree() { pg_query_free_plpgsql_parse_result(result_); }
  PlpgsqlTree(const PlpgsqlTree&) = delete;
  PlpgsqlTree& operator=(const PlpgsqlTree&) = delete;

  // The JSON of the functions' statements; empty when the text does not parse.
  std::string_view text() const {
    return result_.error == nullptr && result_.plpgsql_funcs != nullptr
               ? std::string_view(result_.plpgsql_funcs)
               : std::string_view();
  }

 private:
  PgQueryPlpgsqlParseResult result_;
};

// The scanner's tokens (comments included), with their byte offsets.
class ScanTokens {
 public:
  explicit ScanTokens(const std::string& text) : result_(pg_query_scan(text.c_str())) {
    if (result_.error == nullptr) {
      tokens_.reset(pg_query__scan_result__unpack(
          nullptr, result_.pbuf.len, reinterpret_cast<const uint8_t*>(result_.pbuf.data)));
    }
  }
  ~ScanTokens() { pg_query_free_scan_result(result_); }
  ScanTokens(const ScanTokens&) = delete;
  ScanTokens& operator=(const ScanTokens&) = delete;

  const PgQueryError* error() const { return result_.error; }
  std::size_t size() const { return tokens_ != nullptr ? tokens_->n_tokens : 0; }
  const PgQuery__ScanToken& operator[](std::size_t i) const { return *tokens_->tokens[i]; }

 private:
  struct Free {
    void operator()(PgQuery__ScanResult* tokens) const {
      pg_query__scan_result__free_unpacked(tokens, nullptr);
    }
  };
  PgQueryScanResult result_;
  std::unique_ptr<PgQuery__ScanResult, Free> tokens_;
};

}  // namespace confiture::sql
