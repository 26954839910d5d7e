// newsd: keeps a PostgreSQL database full of clean, normalized news.
#include "cli/commands.h"

int main(int argc, char** argv) {
  return newsd::cli::run(argc, argv);
}
