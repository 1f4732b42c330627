/*
 * book_direct.c - the booking procedure called straight in MariaDB: the
 * ceiling that bookings through nginx and the handlers are measured
 * against (tests/bench/run.sh).
 *
 *   book_direct SOCKET USER PASSWORD CLIENTS SECONDS SLOT...
 *
 * CLIENTS threads, each with its own connection, call book_place() as the
 * booking handler does (one prepared CALL per booking, its result read to
 * the end) with a different person, mobile and address every time (the
 * address's take of its quota is counted by book_place), over the given
 * slots, for SECONDS.  Prints "booked refused errors": bookings committed,
 * refusals the procedure answered (a full slot, a limit), failures.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <mysql.h>

static const char *sock, *user, *password;
static int nslots, seconds;
static long *slots;
static atomic_long next_n, booked, refused, failed;
static volatile int stop;

static void bind_str(MYSQL_BIND *b, char *s, unsigned long *len)
{
    *len = strlen(s);
    b->buffer_type = MYSQL_TYPE_STRING;
    b->buffer = s;
    b->buffer_length = *len;
    b->length = len;
}

static void bind_int(MYSQL_BIND *b, long long *v)
{
    b->buffer_type = MYSQL_TYPE_LONGLONG;
    b->buffer = v;
}

/* One booking; 1 booked, 0 refused, -1 failed. */
static int book_one(MYSQL_STMT *st, long n)
{
    char no[16], key[72], client[72], name[] = "压测", type[] = "resident_id", number[32], mobile[16];
    unsigned long lens[11];
    long long slot = slots[n % nslots], family = 0, cutoff = 30, ahead = 14;
    MYSQL_BIND in[11];
    memset(in, 0, sizeof(in));
    snprintf(no, sizeof(no), "D%09ld", n);
    snprintf(key, sizeof(key), "%064ld", n);
    snprintf(client, sizeof(client), "c%063ld", n);   /* each booking from an address of its own */
    snprintf(number, sizeof(number), "44030519%010ld", n);
    snprintf(mobile, sizeof(mobile), "136%08ld", labs(n) % 100000000);
    bind_int(&in[0], &slot);
    bind_str(&in[1], no, &lens[1]);
    bind_str(&in[2], key, &lens[2]);
    bind_str(&in[3], name, &lens[3]);
    bind_str(&in[4], type, &lens[4]);
    bind_str(&in[5], number, &lens[5]);
    bind_str(&in[6], mobile, &lens[6]);
    bind_int(&in[7], &family);
    bind_int(&in[8], &cutoff);
    bind_int(&in[9], &ahead);
    bind_str(&in[10], client, &lens[10]);
    if (mysql_stmt_bind_param(st, in) || mysql_stmt_execute(st)) return -1;
    int result = -1, rc;
    do {
        if (mysql_stmt_field_count(st) > 0) {
            /* every column as text; the first is the outcome */
            char cell[8][32];
            unsigned long len[8];
            my_bool null[8];
            MYSQL_BIND all[8];
            unsigned cols = mysql_stmt_field_count(st);
            memset(all, 0, sizeof(all));
            for (unsigned c = 0; c < cols && c < 8; c++) {
                all[c].buffer_type = MYSQL_TYPE_STRING;
                all[c].buffer = cell[c];
                all[c].buffer_length = sizeof(cell[c]) - 1;
                all[c].length = &len[c];
                all[c].is_null = &null[c];
            }
            if (mysql_stmt_bind_result(st, all) || mysql_stmt_store_result(st)) return -1;
            while ((rc = mysql_stmt_fetch(st)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
                cell[0][len[0] < sizeof(cell[0]) ? len[0] : sizeof(cell[0]) - 1] = 0;
                result = strcmp(cell[0], "booked") == 0 ? 1 : 0;
            }
            mysql_stmt_free_result(st);
        }
        rc = mysql_stmt_next_result(st);
    } while (rc == 0);
    return rc > 0 ? -1 : result;
}

static void *client(void *arg)
{
    (void)arg;
    MYSQL *db = mysql_init(NULL);
    if (!mysql_real_connect(db, NULL, user, password, "portal", 0, sock, 0)) {
        fprintf(stderr, "book_direct: %s\n", mysql_error(db));
        atomic_fetch_add(&failed, 1);
        return NULL;
    }
    MYSQL_STMT *st = mysql_stmt_init(db);
    const char *sql = "CALL book_place(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    if (mysql_stmt_prepare(st, sql, strlen(sql))) {
        fprintf(stderr, "book_direct: %s\n", mysql_stmt_error(st));
        atomic_fetch_add(&failed, 1);
    } else {
        while (!stop) {
            int r = book_one(st, atomic_fetch_add(&next_n, 1));
            if (r < 0 && atomic_load(&failed) == 0) fprintf(stderr, "book_direct: %s\n", mysql_stmt_error(st));
            atomic_fetch_add(r > 0 ? &booked : r == 0 ? &refused : &failed, 1);
        }
    }
    mysql_stmt_close(st);
    mysql_close(db);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 7) {
        fprintf(stderr, "usage: book_direct SOCKET USER PASSWORD CLIENTS SECONDS SLOT...\n");
        return 2;
    }
    sock = argv[1], user = argv[2], password = argv[3];
    int clients = atoi(argv[4]);
    seconds = atoi(argv[5]);
    nslots = argc - 6;
    slots = calloc((size_t)nslots, sizeof(long));
    for (int i = 0; i < nslots; i++) slots[i] = atol(argv[6 + i]);
    atomic_store(&next_n, (long)time(NULL) % 100000 * 10000);
    mysql_library_init(0, NULL, NULL);
    pthread_t *t = calloc((size_t)clients, sizeof(pthread_t));
    for (int i = 0; i < clients; i++) pthread_create(&t[i], NULL, client, NULL);
    struct timespec ts = {seconds, 0};
    nanosleep(&ts, NULL);
    stop = 1;
    for (int i = 0; i < clients; i++) pthread_join(t[i], NULL);
    printf("%ld %ld %ld\n", atomic_load(&booked), atomic_load(&refused), atomic_load(&failed));
    free(t);
    free(slots);
    mysql_library_end();
    return 0;
}
