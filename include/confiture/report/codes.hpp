// Stable error codes. The category numbering follows the Python tool's registry; exit classes
// follow SPEC §5. Every code is listed with its meaning in docs/exit-codes.md.
#pragma once

namespace confiture::codes {

// Configuration and arguments (exit 5).
inline constexpr const char* kConfigMissingField = "CONFIG_001";
inline constexpr const char* kConfigYamlSyntax = "CONFIG_002";
inline constexpr const char* kConfigBadDatabaseUrl = "CONFIG_003";
inline constexpr const char* kConfigEnvNotFound = "CONFIG_004";
inline constexpr const char* kConfigBadPattern = "CONFIG_005";
inline constexpr const char* kConfigUnsetVariable = "CONFIG_007";
inline constexpr const char* kConfigInvalidValue = "CONFIG_008";
inline constexpr const char* kConfigAmbiguousSource = "CONFIG_009";
inline constexpr const char* kConfigNoSource = "CONFIG_010";
inline constexpr const char* kConfigUnsafeSource = "CONFIG_011";
inline constexpr const char* kConfigUsage = "CONFIG_012";
inline constexpr const char* kConfigFileExists = "CONFIG_013";
inline constexpr const char* kConfigIo = "CONFIG_014";
inline constexpr const char* kConfigMisspeltKey = "CONFIG_030";

// Schema build (exit 4).
inline constexpr const char* kSchemaSyntax = "SCHEMA_200";
inline constexpr const char* kSchemaDirNotFound = "SCHEMA_201";
inline constexpr const char* kSchemaNoFiles = "SCHEMA_205";
inline constexpr const char* kSchemaReadFailed = "SCHEMA_206";
inline constexpr const char* kSchemaWriteFailed = "SCHEMA_207";
inline constexpr const char* kSchemaStatementFailed = "SCHEMA_208";
inline constexpr const char* kSchemaDatabaseNotEmpty = "SCHEMA_209";
inline constexpr const char* kSchemaUnsafeOutput = "SCHEMA_210";  // exit 7: -o onto a source

// Connection and the embedded server (exit 3).
inline constexpr const char* kConnFailed = "CONN_1700";
inline constexpr const char* kConnLost = "CONN_1701";
inline constexpr const char* kConnQueryFailed = "CONN_1702";
inline constexpr const char* kServerNoBinaries = "SERVER_1800";
inline constexpr const char* kServerInitFailed = "SERVER_1801";
inline constexpr const char* kServerStartFailed = "SERVER_1802";
inline constexpr const char* kServerStopFailed = "SERVER_1803";
inline constexpr const char* kServerNotRunning = "SERVER_1804";
inline constexpr const char* kServerUnsafeFile = "SERVER_1805";  // a .confiture/ file not ours

// Migrations (SPEC §4). Codes the Python tool has keep its number and exit class.
inline constexpr const char* kMigrFailed = "MIGR_001";               // exit 3
inline constexpr const char* kMigrFileExists = "MIGR_004";           // exit 3
inline constexpr const char* kMigrVersionNotFound = "MIGR_100";      // exit 3
inline constexpr const char* kMigrUnreadable = "MIGR_102";           // exit 3
inline constexpr const char* kMigrDuplicateVersion = "MIGR_106";     // exit 3
inline constexpr const char* kMigrTransactionControl = "MIGR_107";   // exit 3
inline constexpr const char* kMigrDirNotFound = "MIGR_110";          // exit 5
inline constexpr const char* kMigrPythonFile = "MIGR_111";           // exit 4
inline constexpr const char* kMigrOrphanFile = "MIGR_112";           // exit 4
inline constexpr const char* kMigrDownWithoutUp = "MIGR_113";        // exit 4
inline constexpr const char* kMigrSyntax = "MIGR_114";               // exit 4
inline constexpr const char* kMigrChecksumMismatch = "MIGR_115";     // exit 1
inline constexpr const char* kMigrBadName = "MIGR_116";              // exit 5
inline constexpr const char* kMigrPartiallyApplied = "MIGR_117";     // exit 3
inline constexpr const char* kMigrInvalidIndex = "MIGR_130";         // exit 3
inline constexpr const char* kMigrFileNameNotUtf8 = "MIGR_131";      // exit 4
inline constexpr const char* kMigrSplitChanged = "MIGR_118";         // exit 3: split file edited
inline constexpr const char* kNoLedger = "PRECON_1001";              // exit 2
inline constexpr const char* kBuiltWithoutLedger = "PRECON_1002";    // exit 2
inline constexpr const char* kLockHeld = "LOCK_1300";                // exit 6
inline constexpr const char* kLockBuildRunning = "LOCK_1301";        // exit 6: concurrent build
inline constexpr const char* kLockStatementTimeout = "LOCK_1310";    // exit 6
inline constexpr const char* kRollbackMissingDown = "ROLLBACK_600";  // exit 8

// Data sync (Medium 3). Python's SYNC_3xx numbers; exit classes follow SPEC §5.
inline constexpr const char* kSyncNoTables = "SYNC_301";       // exit 5: a pattern/table unknown
inline constexpr const char* kSyncCopyFailed = "SYNC_303";     // exit 3: a table's copy failed
inline constexpr const char* kSyncShapeMismatch = "SYNC_304";  // exit 4: source/target differ
inline constexpr const char* kSyncMissingParent = "SYNC_305";  // exit 5: FK to an unselected table
inline constexpr const char* kSyncBadResume = "SYNC_306";      // exit 5: checkpoint unusable
inline constexpr const char* kSyncInterrupted = "SYNC_307";    // exit 1: Ctrl-C; resumable
inline constexpr const char* kSyncIncremental = "SYNC_308";    // exit 5: table has no change key
inline constexpr const char* kSyncBadWhere = "SYNC_309";       // exit 5: --where malformed/invalid

// Anonymisation (Python's ANON_14xx).
inline constexpr const char* kAnonBadRule = "ANON_1400";        // exit 5
inline constexpr const char* kAnonNoKey = "ANON_1401";          // exit 5
inline constexpr const char* kAnonUnlabelledPii = "ANON_1402";  // exit 7: --strict refusal
inline constexpr const char* kAnonBadProfile = "ANON_1403";     // exit 5
inline constexpr const char* kAnonKeyChanged = "ANON_1404";  // exit 5: --resume/--incremental key

// Schema diff.
inline constexpr const char* kDifferUnverified = "DIFFER_401";   // exit 4: re-diff not empty
inline constexpr const char* kDifferBadRename = "DIFFER_402";    // exit 4: rename annotation
inline constexpr const char* kDifferUnsupported = "DIFFER_403";  // exit 4: unmodelled objects
inline constexpr const char* kDifferHazards = "DIFFER_404";      // exit 7: hazards not allowed
inline constexpr const char* kDifferNoCast = "DIFFER_405";       // exit 4: type change has no cast

// Safety gates (exit 7).
inline constexpr const char* kSafetyProtected = "SAFETY_1900";
inline constexpr const char* kSafetyNeedsYes = "SAFETY_1901";
inline constexpr const char* kSafetySameDatabase = "SAFETY_1902";
inline constexpr const char* kSafetyMarkedDatabase = "SAFETY_1910";

}  // namespace confiture::codes
