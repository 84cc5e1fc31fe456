import configparser
import io

from charmhelpers.core import hookenv, host, unitdata
from charms.reactive import (
    clear_flag, endpoint_from_flag, is_flag_set, set_flag, when, when_not,
)

CONFIG_FILE = '/etc/webapp/webapp.ini'


def _settings():
    """The settings every handler adds to, kept between hooks."""
    kv = unitdata.kv()
    return kv, kv.get('webapp.settings', {})


def _save(section, values):
    kv, settings = _settings()
    values = {k: str(v) for k, v in values.items()}
    if settings.get(section) != values:
        settings[section] = values
        kv.set('webapp.settings', settings)
        set_flag('webapp.config.changed')


@when('website.available')
def publish_website():
    website = endpoint_from_flag('website.available')
    port = hookenv.config('port')
    website.configure(port)
    hookenv.open_port(port)


@when('db.connected')
@when_not('webapp.db.requested')
def request_mysql():
    endpoint_from_flag('db.connected').request_database('webapp')
    set_flag('webapp.db.requested')


@when('db.available')
def configure_mysql():
    info = endpoint_from_flag('db.available').connection_info()
    _save('database', {'url': info.url(), 'tls': info.tls})


@when('pg.connected')
@when_not('webapp.pg.requested')
def request_pgsql(pg):
    pg.change_database_name('webapp_sessions')
    set_flag('webapp.pg.requested')


@when('pg.database.available')
def configure_sessions(pg):
    master = pg.master()
    _save('sessions', {'backend': 'postgresql', 'host': master['host'],
                       'port': master.get('port', 5432), 'dbname': master['dbname'],
                       'user': master['user'], 'password': master.get('password', '')})


@when('logs.available')
def forward_logs(logs):
    targets = logs.endpoints()
    _save('logging', {'targets': ' '.join(
        '{protocol}://{host}:{port}'.format(**t) for t in targets)})


@when('cluster.changed')
def update_peers():
    cluster = endpoint_from_flag('cluster.changed')
    cluster.set_member_state('active')
    _save('cluster', {'peers': ' '.join(p['address'] for p in cluster.peers())})
    clear_flag('cluster.changed')


@when('cluster.departed')
def peer_left():
    cluster = endpoint_from_flag('cluster.departed')
    _save('cluster', {'peers': ' '.join(p['address'] for p in cluster.peers())})
    clear_flag('cluster.departed')


@when('webapp.config.changed')
def write_config():
    _, settings = _settings()
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_dict(settings)
    buf = io.StringIO()
    parser.write(buf)
    host.mkdir('/etc/webapp')
    host.write_file(CONFIG_FILE, buf.getvalue().encode(), perms=0o640)
    host.service_restart('webapp')
    clear_flag('webapp.config.changed')


@when_not('webapp.config.changed')
def update_status():
    if not is_flag_set('db.available'):
        hookenv.status_set('blocked', 'needs a mysql relation (db)')
    elif not is_flag_set('website.available'):
        hookenv.status_set('active', 'ready; not published over http')
    else:
        hookenv.status_set('active', 'serving on port {}'.format(hookenv.config('port')))
