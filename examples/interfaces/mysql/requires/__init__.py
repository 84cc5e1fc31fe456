"""Requirer side of interface:mysql (the database client)."""
from charmhelpers.core import hookenv
from charms.reactive import Endpoint, clear_flag, set_flag, toggle_flag, when, when_not

from .connection import ConnectionInfo

REQUIRED = ('host', 'port', 'database', 'user', 'password')


class MySQLRequires(Endpoint):

    @when('endpoint.{endpoint_name}.joined')
    def joined(self):
        set_flag(self.expand_name('{endpoint_name}.connected'))

    @when('endpoint.{endpoint_name}.changed')
    def changed(self):
        toggle_flag(self.expand_name('{endpoint_name}.available'),
                    self.connection_info() is not None)
        clear_flag(self.expand_name('endpoint.{endpoint_name}.changed'))

    @when('endpoint.{endpoint_name}.departed')
    def departed(self):
        for unit in self.all_departed_units:
            hookenv.log('mysql: server unit {} left'.format(unit.unit_name))
        self.all_departed_units.clear()
        clear_flag(self.expand_name('endpoint.{endpoint_name}.departed'))

    @when_not('endpoint.{endpoint_name}.joined')
    def broken(self):
        clear_flag(self.expand_name('{endpoint_name}.connected'))
        clear_flag(self.expand_name('{endpoint_name}.available'))

    def request_database(self, database, extra_user_roles=None):
        """Ask for a database; a no-op on non-leader units."""
        if not hookenv.is_leader():
            return
        for relation in self.relations:
            relation.to_publish_app['database'] = database
            if extra_user_roles:
                relation.to_publish_app['extra-user-roles'] = ','.join(extra_user_roles)

    def connection_info(self):
        """A ConnectionInfo once the server answered, else None."""
        for relation in self.relations:
            data = relation.received_app
            if all(data.get(key) for key in REQUIRED):
                return ConnectionInfo(
                    host=data['host'],
                    port=int(data['port']),
                    database=data['database'],
                    user=data['user'],
                    password=data['password'],
                    # Anything but a known value is treated as UNKNOWN.
                    tls=data.get('tls') if data.get('tls') in ('enabled', 'disabled') else 'UNKNOWN',
                    endpoints=[(e['host'], int(e['port']))
                               for e in data.get('endpoints') or []
                               if e.get('host') and e.get('port')],
                )
        return None
