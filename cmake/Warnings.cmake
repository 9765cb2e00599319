# Warnings are cheap bugs found early: strict on our own targets only.
function(confiture_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
endfunction()
