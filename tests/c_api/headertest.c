/* <kreditor/kreditor.h> compiled as strict C89, C99 and C11 (-Wall -Wextra -Werror -pedantic,
 * see CMakeLists.txt), and linked: the library loaded is the one the header describes. */
#include <kreditor/kreditor.h>
#include <kreditor/kreditor.h> /* twice: the include guard works */

#include <stdio.h>

int main(void) {
  kreditor_command command;
  kreditor_release release;
  const char* version = kreditor_version_string();
  if (kreditor_abi_version() != KREDITOR_ABI_VERSION) return 1;
  if (version == NULL || version[0] == '\0') return 2;
  if (kreditor_command_init(&command, sizeof command) != KREDITOR_OK || command.size != sizeof command) return 3;
  if (kreditor_release_init(&release, sizeof release) != KREDITOR_OK) return 4;
  if (sizeof(kreditor_date) != 4 || KREDITOR_NO_DATE >= 0) return 5;
  printf("header ok: kreditor %s, C ABI %d\n", version, kreditor_abi_version());
  return 0;
}
