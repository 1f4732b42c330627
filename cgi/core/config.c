/*
 * config.c - the handler programs' command-line options.
 *
 * Everything a program needs is given when it starts (by the start script
 * or the systemd unit); nothing changes while it runs.  The database
 * password is read from a file before privileges are dropped, so it never
 * appears in `ps` output.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "portal.h"

struct config cfg = {
    .workers = 2,
    .templates_dir = "templates",
    .db_name = "portal",
    .max_body = 64 * 1024,
};

static int read_password(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    if (!fgets(cfg.db_password, sizeof(cfg.db_password), f)) cfg.db_password[0] = 0;
    fclose(f);
    cfg.db_password[strcspn(cfg.db_password, "\r\n")] = 0;
    return 0;
}

static void usage(const char *prog)
{
    fprintf(stderr,
            "usage: %s --socket PATH --db-socket PATH --db-user NAME --db-password-file FILE\n"
            "          [--db-name NAME] [--templates DIR] [--workers N] [--user NAME]\n"
            "          [--pid-file FILE] [--max-body BYTES] [--db-statements N]\n", prog);
}

int config_parse(int argc, char **argv)
{
    static const struct option opts[] = {
        {"socket", required_argument, 0, 's'},
        {"workers", required_argument, 0, 'w'},
        {"user", required_argument, 0, 'u'},
        {"pid-file", required_argument, 0, 'p'},
        {"templates", required_argument, 0, 't'},
        {"db-socket", required_argument, 0, 'S'},
        {"db-name", required_argument, 0, 'D'},
        {"db-user", required_argument, 0, 'U'},
        {"db-password-file", required_argument, 0, 'P'},
        {"max-body", required_argument, 0, 'm'},
        {"db-statements", required_argument, 0, 'c'},
        {0, 0, 0, 0},
    };
    int c;
    long long n;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 's': cfg.socket_path = optarg; break;
        case 'w':
            if (!parse_int(optarg, 1, 256, &n)) return usage(argv[0]), -1;
            cfg.workers = (int)n;
            break;
        case 'u': cfg.run_as_user = optarg; break;
        case 'p': cfg.pid_file = optarg; break;
        case 't': cfg.templates_dir = optarg; break;
        case 'S': cfg.db_socket = optarg; break;
        case 'D': cfg.db_name = optarg; break;
        case 'U': cfg.db_user = optarg; break;
        case 'P': if (read_password(optarg)) return -1; break;
        case 'm':
            if (!parse_int(optarg, 1024, 64LL << 20, &n)) return usage(argv[0]), -1;
            cfg.max_body = (long)n;
            break;
        case 'c':
            if (!parse_int(optarg, 1, 4096, &n)) return usage(argv[0]), -1;
            cfg.db_statements = (int)n;
            break;
        default: usage(argv[0]); return -1;
        }
    }
    if (!cfg.socket_path || !cfg.db_user || !cfg.db_socket) {
        usage(argv[0]);
        return -1;
    }
    return 0;
}
