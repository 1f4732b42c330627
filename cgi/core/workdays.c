/*
 * workdays.c - working-day deadlines, in integer calendar arithmetic
 * (days from the civil date, H. Hinnant's algorithm), no time zone involved:
 * the wall-clock time is kept as it is.  No database here: the calendar's
 * exceptions are handed in (workcal.c reads them).
 */
#include <stdio.h>
#include <string.h>
#include "workdays.h"

static int parse(const char *s, int *y, int *m, int *d)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-') return -1;
    if (sscanf(s, "%4d-%2d-%2d", y, m, d) != 3) return -1;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (*y < 1970 || *y > 9999 || *m < 1 || *m > 12 || *d < 1 || *d > mdays[*m - 1]) return -1;
    if (*m == 2 && *d == 29 && !((*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0)) return -1;
    return 0;
}

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = y / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = z / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int weekday_of(long z)
{
    return (int)((z % 7 + 7 + 3) % 7);   /* 1970-01-01 was a Thursday (3) */
}

int workdays_weekday(const char *date)
{
    int y, m, d;
    if (parse(date, &y, &m, &d)) return -1;
    return weekday_of(days_from_civil(y, m, d));
}

long workdays_daynum(const char *date)
{
    int y, m, d;
    if (parse(date, &y, &m, &d)) return -1;
    return days_from_civil(y, m, d);
}

/* Whether day z is worked: the calendar's word where it has one, else
 * Monday to Friday.  *next walks the sorted exceptions along with z. */
static int is_working(long z, const struct workcal *cal, size_t *next)
{
    if (cal) {
        while (*next < cal->n && cal->days[*next].day < z) (*next)++;
        if (*next < cal->n && cal->days[*next].day == z) return cal->days[*next].working;
    }
    return weekday_of(z) < 5;
}

int workdays_add(const char *from, int days, const struct workcal *cal, char out[20])
{
    int y, m, d;
    if (parse(from, &y, &m, &d) || days < 0) return -1;
    long z = days_from_civil(y, m, d);
    size_t next = 0;
    while (days > 0) {
        z++;
        if (is_working(z, cal, &next)) days--;
    }
    civil_from_days(z, &y, &m, &d);
    const char *time = strlen(from) >= 19 ? from + 11 : "00:00:00";
    snprintf(out, 20, "%04d-%02d-%02d %.8s", y, m, d, time);
    return 0;
}
