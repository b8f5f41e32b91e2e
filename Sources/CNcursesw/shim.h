// ncursesw with wide-character functions, plus the macros Swift cannot import
// (COLOR_PAIR, getmaxyx, KEY_F) as static inline functions.
#ifndef FOIBANDIT_CNCURSESW_SHIM_H
#define FOIBANDIT_CNCURSESW_SHIM_H
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline int fb_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int fb_rows(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
static inline int fb_cols(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }
static inline WINDOW *fb_stdscr(void) { return stdscr; }
static inline int fb_key_f(int n) { return KEY_F(n); }
static inline int fb_attr_bold(void) { return (int)A_BOLD; }
static inline int fb_attr_reverse(void) { return (int)A_REVERSE; }
static inline int fb_attr_dim(void) { return (int)A_DIM; }
static inline int fb_attr_blink(void) { return (int)A_BLINK; }
static inline int fb_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int fb_attron(int a) { return attron(a); }
static inline int fb_attroff(int a) { return attroff(a); }
static inline int fb_attrset(int a) { return attrset(a); }
static inline int fb_get_wch(unsigned int *out) {
    wint_t w = 0;
    int r = get_wch(&w);
    *out = (unsigned int)w;
    return r;
}
static inline int fb_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't') && (cs[2] == 'F' || cs[2] == 'f');
}
static inline int fb_setlocale_all(void) { return setlocale(LC_ALL, "") != 0; }
#endif
