/* Reads .ics files with libical (Evolution, GNOME, KDE, many servers) and prints, for each
 * file, one JSON line: libical's own complaints (every X-LIC-ERROR its parser and its RFC 5545
 * restriction check, icalrestriction_check, add) and every VEVENT's UID, start and end as UTC
 * instants, the time zone libical resolved them in, and STATUS. Compiled by tests/parsers. */

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    char *data = malloc((size_t)size + 1);
    if (data == NULL || fread(data, 1, (size_t)size, f) != (size_t)size) {
        fclose(f);
        free(data);
        return NULL;
    }
    data[size] = '\0';
    fclose(f);
    return data;
}

static void json_string(const char *s) {
    if (s == NULL) {
        fputs("null", stdout);
        return;
    }
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') printf("\\%c", *p);
        else if (*p < 0x20) printf("\\u%04x", *p);
        else putchar(*p);
    }
    putchar('"');
}

static void json_time(const char *key, struct icaltimetype t) {
    printf(",\"%s\":", key);
    if (icaltime_is_null_time(t)) {
        fputs("null", stdout);
        return;
    }
    if (t.is_date) {
        printf("{\"date\":\"%04d-%02d-%02d\"}", t.year, t.month, t.day);
        return;
    }
    /* A floating time (no zone found) is read as UTC and shows as zone null. */
    icaltimezone *zone = (icaltimezone *)t.zone;
    time_t seconds = icaltime_as_timet_with_zone(t, zone ? zone : icaltimezone_get_utc_timezone());
    struct tm utc;
    char text[32];
    gmtime_r(&seconds, &utc);
    strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    printf("{\"utc\":\"%s\",\"zone\":", text);
    json_string(zone ? (icaltime_is_utc(t) ? "UTC" : icaltimezone_get_tzid(zone)) : NULL);
    putchar('}');
}

static int errors(icalcomponent *comp, int first) {
    for (icalproperty *p = icalcomponent_get_first_property(comp, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(comp, ICAL_XLICERROR_PROPERTY)) {
        if (!first) putchar(',');
        json_string(icalproperty_get_xlicerror(p));
        first = 0;
    }
    for (icalcomponent *c = icalcomponent_get_first_component(comp, ICAL_ANY_COMPONENT); c;
         c = icalcomponent_get_next_component(comp, ICAL_ANY_COMPONENT))
        first = errors(c, first);
    return first;
}

static void events(icalcomponent *root) {
    int first = 1;
    for (icalcomponent *e = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
        if (!first) putchar(',');
        first = 0;
        fputs("{\"uid\":", stdout);
        json_string(icalcomponent_get_uid(e));
        json_time("start", icalcomponent_get_dtstart(e));
        json_time("end", icalcomponent_get_dtend(e));
        icalproperty *status = icalcomponent_get_first_property(e, ICAL_STATUS_PROPERTY);
        fputs(",\"status\":", stdout);
        json_string(status ? icalproperty_status_to_string(icalproperty_get_status(status)) : NULL);
        fputs(",\"summary\":", stdout);
        json_string(icalcomponent_get_summary(e));
        fputs(",\"description\":", stdout);
        json_string(icalcomponent_get_description(e));
        putchar('}');
    }
}

int main(int argc, char **argv) {
    int status = 0;
    for (int i = 1; i < argc; i++) {
        char *data = slurp(argv[i]);
        icalcomponent *root = data ? icalparser_parse_string(data) : NULL;
        free(data);
        fputs("{\"file\":", stdout);
        json_string(argv[i]);
        if (root == NULL) {
            fputs(",\"parsed\":false}\n", stdout);
            status = 1;
            continue;
        }
        int valid = icalrestriction_check(root);
        printf(",\"parsed\":true,\"restriction_check\":%s,\"errors\":[", valid ? "true" : "false");
        errors(root, 1);
        fputs("],\"events\":[", stdout);
        events(root);
        fputs("]}\n", stdout);
        icalcomponent_free(root);
    }
    return status;
}
