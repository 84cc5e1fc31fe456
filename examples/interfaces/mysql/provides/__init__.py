"""Provider side of interface:mysql (the database server).

The leader watches for requirers that named a database, and answers each
one in the application databag of that relation.
"""
from charmhelpers.core import hookenv
from charms.reactive import Endpoint, clear_flag, toggle_flag, when, when_not


class MySQLProvides(Endpoint):

    @when('endpoint.{endpoint_name}.joined')
    def joined(self):
        hookenv.log('mysql: {} has {} client application(s)'.format(
            self.endpoint_name, len(self.relations)))

    @when('endpoint.{endpoint_name}.changed')
    def changed(self):
        toggle_flag(self.expand_name('{endpoint_name}.database.requested'),
                    hookenv.is_leader() and bool(self.requests()))
        clear_flag(self.expand_name('endpoint.{endpoint_name}.changed'))

    @when('endpoint.{endpoint_name}.departed')
    def departed(self):
        # Units leaving do not revoke anything: the user belongs to the
        # relation, and is dropped only once the relation is broken.
        self.all_departed_units.clear()
        clear_flag(self.expand_name('endpoint.{endpoint_name}.departed'))

    @when_not('endpoint.{endpoint_name}.joined')
    def broken(self):
        clear_flag(self.expand_name('{endpoint_name}.database.requested'))

    def requests(self):
        """Relations whose requested database has not been answered yet."""
        pending = []
        for relation in self.relations:
            wanted = relation.received_app.get('database')
            if wanted and relation.to_publish_app.get('database') != wanted:
                roles = relation.received_app.get('extra-user-roles') or ''
                pending.append({
                    'relation_id': relation.relation_id,
                    'application': relation.application_name,
                    'database': wanted,
                    'extra_user_roles': [r.strip() for r in roles.split(',') if r.strip()],
                })
        return pending

    def provide(self, relation_id, host, port, database, user, password,
                tls=False, endpoints=()):
        """Answer one request. Only the leader may call this."""
        if not hookenv.is_leader():
            raise RuntimeError('only the leader writes the application databag')
        relation = self.relations[relation_id]
        relation.to_publish_app.update({
            'host': host,
            'port': int(port),
            'database': database,
            'user': user,
            'password': password,
            'tls': 'enabled' if tls else 'disabled',
            'endpoints': [{'host': h, 'port': int(p)} for h, p in endpoints]
                         or [{'host': host, 'port': int(port)}],
        })
        toggle_flag(self.expand_name('{endpoint_name}.database.requested'),
                    bool(self.requests()))
