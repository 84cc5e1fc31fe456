"""Provider side of interface:http.

Every unit of the serving application writes its own ``hostname`` and
``port`` into its unit databag on each relation.
"""
from charmhelpers.core import hookenv, unitdata
from charms.reactive import Endpoint, clear_flag, set_flag, when, when_not


class HttpProvides(Endpoint):

    @when('endpoint.{endpoint_name}.joined')
    def joined(self):
        set_flag(self.expand_name('{endpoint_name}.available'))

    @when('endpoint.{endpoint_name}.changed')
    def changed(self):
        # A new relation may have joined since configure() was last called:
        # make sure every relation carries the current address.
        published = unitdata.kv().get(self.expand_name('http.{endpoint_name}'))
        if published:
            self.configure(published['port'], published['hostname'])
        clear_flag(self.expand_name('endpoint.{endpoint_name}.changed'))

    @when('endpoint.{endpoint_name}.departed')
    def departed(self):
        for unit in self.all_departed_units:
            hookenv.log('http: {} stopped using {}'.format(
                unit.unit_name, self.endpoint_name))
        self.all_departed_units.clear()
        clear_flag(self.expand_name('endpoint.{endpoint_name}.departed'))

    @when_not('endpoint.{endpoint_name}.joined')
    def broken(self):
        clear_flag(self.expand_name('{endpoint_name}.available'))

    def configure(self, port, hostname=None):
        """Publish where this unit serves HTTP, on every relation."""
        port = int(port)
        if not 0 < port < 65536:
            raise ValueError('port out of range: {}'.format(port))
        unitdata.kv().set(self.expand_name('http.{endpoint_name}'),
                          {'port': port, 'hostname': hostname})
        for relation in self.relations:
            relation.to_publish['hostname'] = hostname or hookenv.ingress_address(
                relation.relation_id, hookenv.local_unit())
            relation.to_publish['port'] = port
