<?php
// sabre/dav 1.8 (Debian's php-sabre-dav) as a CalDAV server for the sync tests, run by PHP's
// built-in server: `php -S 127.0.0.1:PORT sabre.php` with KPSS_SABRE_DB (an SQLite file),
// KPSS_SABRE_USER and KPSS_SABRE_PASSWORD in the environment. One principal
// (/principals/USER/) with its calendar home (/calendars/USER/); Basic authentication.
// The calendar backend is sabre's own PDO one, unchanged: like Debian's and Baikal's default
// setup it keeps no dead properties, so PROPPATCH of anything it does not map is refused.

require_once 'Sabre/autoload.php';

date_default_timezone_set('UTC');

class KpssBasicAuth extends \Sabre\DAV\Auth\Backend\AbstractBasic {
    protected function validateUserPass($username, $password) {
        return hash_equals(getenv('KPSS_SABRE_USER'), $username)
            && hash_equals(getenv('KPSS_SABRE_PASSWORD'), $password);
    }
}

$pdo = new \PDO('sqlite:' . getenv('KPSS_SABRE_DB'));
$pdo->setAttribute(\PDO::ATTR_ERRMODE, \PDO::ERRMODE_EXCEPTION);
$pdo->exec('PRAGMA busy_timeout = 10000');
// The schema of sabre/dav 1.8's examples/sql/sqlite.*.sql (calendars and principals).
$pdo->exec(<<<'SQL'
CREATE TABLE IF NOT EXISTS calendarobjects (
    id integer primary key asc, calendardata blob, uri text, calendarid integer,
    lastmodified integer, etag text, size integer, componenttype text,
    firstoccurence integer, lastoccurence integer);
CREATE TABLE IF NOT EXISTS calendars (
    id integer primary key asc, principaluri text, displayname text, uri text, ctag integer,
    description text, calendarorder integer, calendarcolor text, timezone text,
    components text, transparent bool);
CREATE TABLE IF NOT EXISTS principals (
    id INTEGER PRIMARY KEY ASC, uri TEXT, email TEXT, displayname TEXT, vcardurl TEXT,
    UNIQUE(uri));
CREATE TABLE IF NOT EXISTS groupmembers (
    id INTEGER PRIMARY KEY ASC, principal_id INTEGER, member_id INTEGER,
    UNIQUE(principal_id, member_id));
SQL);
$user = getenv('KPSS_SABRE_USER');
$insert = $pdo->prepare('INSERT OR IGNORE INTO principals (uri, email, displayname) VALUES (?, ?, ?)');
$insert->execute(["principals/$user", "$user@example.org", $user]);
$insert->execute(["principals/$user/calendar-proxy-read", null, null]);
$insert->execute(["principals/$user/calendar-proxy-write", null, null]);

$principals = new \Sabre\DAVACL\PrincipalBackend\PDO($pdo);
$calendars = new \Sabre\CalDAV\Backend\PDO($pdo);
$server = new \Sabre\DAV\Server([
    new \Sabre\CalDAV\Principal\Collection($principals),
    new \Sabre\CalDAV\CalendarRootNode($principals, $calendars),
]);
$server->setBaseUri('/');
$server->addPlugin(new \Sabre\DAV\Auth\Plugin(new KpssBasicAuth(), 'kpss'));
$server->addPlugin(new \Sabre\DAVACL\Plugin());
$server->addPlugin(new \Sabre\CalDAV\Plugin());
$server->addPlugin(new \Sabre\CalDAV\ICSExportPlugin());  // GET /calendars/USER/ID/?export
$server->exec();
