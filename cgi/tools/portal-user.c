/*
 * portal-user - office accounts, from the command line only: there is no
 * default account and no default password anywhere.
 *
 *   portal-user [--db-socket PATH] [--db-user NAME] add USERNAME "显示名" ROLES
 *   portal-user ... passwd USERNAME
 *   portal-user ... roles USERNAME ROLES
 *   portal-user ... disable USERNAME | enable USERNAME
 *   portal-user ... list
 *
 * ROLES is a comma list of office, desk, lab, volunteer, admin.  The
 * password is read from standard input (without echo on a terminal, asked
 * twice), at least 12 characters, and stored only as an argon2id hash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sodium.h>
#include "portal.h"

static int valid_roles(const char *roles)
{
    static const char *const known[] = {"office", "desk", "lab", "volunteer", "admin"};
    char copy[128];
    if (!*roles || strlen(roles) >= sizeof(copy)) return 0;
    snprintf(copy, sizeof(copy), "%s", roles);
    for (char *save = NULL, *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        int ok = 0;
        for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) ok |= !strcmp(t, known[i]);
        if (!ok) return 0;
    }
    return 1;
}

static int read_line(const char *prompt, char *buf, size_t len)
{
    struct termios old, quiet;
    int tty = isatty(STDIN_FILENO);
    if (tty) {
        fprintf(stderr, "%s", prompt);
        tcgetattr(STDIN_FILENO, &old);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    char *got = fgets(buf, (int)len, stdin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        fprintf(stderr, "\n");
    }
    if (!got) return -1;
    buf[strcspn(buf, "\r\n")] = 0;
    return 0;
}

static int new_password_hash(char *hash, size_t len)
{
    char pw[257], again[257];
    if (read_line("new password: ", pw, sizeof(pw))) return -1;
    if (isatty(STDIN_FILENO) && (read_line("again: ", again, sizeof(again)) || strcmp(pw, again))) {
        fprintf(stderr, "passwords differ\n");
        return -1;
    }
    if (utf8_chars(pw) < 12 || !utf8_valid(pw, strlen(pw))) {
        fprintf(stderr, "a password needs at least 12 characters\n");
        return -1;
    }
    int rc = password_hash(pw, hash, len);
    sodium_memzero(pw, sizeof(pw));
    sodium_memzero(again, sizeof(again));
    return rc;
}

static int usage(void)
{
    fprintf(stderr, "usage: portal-user [--db-socket PATH] [--db-user NAME] [--db-name NAME]\n"
                    "         add USERNAME DISPLAY_NAME ROLES | passwd USERNAME |\n"
                    "         roles USERNAME ROLES | disable USERNAME | enable USERNAME | list\n");
    return 2;
}

int main(int argc, char **argv)
{
    char hash[crypto_pwhash_STRBYTES];
    int i = 1;
    cfg.db_user = "root";
    cfg.db_socket = "/run/mysqld/mysqld.sock";
    for (; i + 1 < argc && !strncmp(argv[i], "--", 2); i += 2) {
        if (!strcmp(argv[i], "--db-socket")) cfg.db_socket = argv[i + 1];
        else if (!strcmp(argv[i], "--db-user")) cfg.db_user = argv[i + 1];
        else if (!strcmp(argv[i], "--db-name")) cfg.db_name = argv[i + 1];
        else return usage();
    }
    if (i >= argc || sodium_init() < 0) return usage();
    const char *cmd = argv[i];
    char **a = argv + i + 1;
    int n = argc - i - 1;
    if (db_connect()) return 1;
    long long rows = -1;

    if (!strcmp(cmd, "add") && n == 3) {
        if (!valid_roles(a[2]) || utf8_chars(a[0]) > 64 || utf8_chars(a[1]) > 64) return usage();
        if (new_password_hash(hash, sizeof(hash))) return 1;
        rows = db_exec("INSERT INTO users (username, display_name, password_hash, roles) VALUES (?, ?, ?, ?)",
                       "ssss", a[0], a[1], hash, a[2]);
    } else if (!strcmp(cmd, "passwd") && n == 1) {
        if (new_password_hash(hash, sizeof(hash))) return 1;
        if (db_begin()) return 1;
        rows = db_exec("UPDATE users SET password_hash = ? WHERE username = ?", "ss", hash, a[0]);
        /* a new password ends every session of the old one */
        db_exec("DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = ?", "s", a[0]);
        if (db_commit()) rows = -1;
    } else if (!strcmp(cmd, "roles") && n == 2) {
        if (!valid_roles(a[1])) return usage();
        rows = db_exec("UPDATE users SET roles = ? WHERE username = ?", "ss", a[1], a[0]);
    } else if ((!strcmp(cmd, "disable") || !strcmp(cmd, "enable")) && n == 1) {
        rows = db_exec("UPDATE users SET disabled = ? WHERE username = ?", "is",
                       (long long)(cmd[0] == 'd'), a[0]);
        if (cmd[0] == 'd')
            db_exec("DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = ?", "s", a[0]);
    } else if (!strcmp(cmd, "list") && n == 0) {
        HDF *h;
        hdf_init(&h);
        int count = db_rows(h, "U", "SELECT username, display_name, roles, disabled,"
                                    " COALESCE(last_login_at, '-') AS last_login FROM users ORDER BY username", "");
        for (int k = 0; k < count; k++) {
            char key[64];
            snprintf(key, sizeof(key), "U.%d", k);
            HDF *u = hdf_get_obj(h, key);
            printf("%-20s %-16s %-30s %s last login %s\n", hdf_get_value(u, "username", ""),
                   hdf_get_value(u, "display_name", ""), hdf_get_value(u, "roles", ""),
                   hdf_get_int_value(u, "disabled", 0) ? "disabled" : "active",
                   hdf_get_value(u, "last_login", "-"));
        }
        hdf_destroy(&h);
        rows = count < 0 ? -1 : 1;
    } else {
        return usage();
    }
    db_close();
    if (rows < 0) {
        fprintf(stderr, "failed (%u)%s\n", db_errno(), db_errno() == 1062 ? ": that username exists" : "");
        return 1;
    }
    if (rows == 0) {
        fprintf(stderr, "no such user\n");
        return 1;
    }
    return 0;
}
