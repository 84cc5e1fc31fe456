"""Requirer side of interface:http.

Reads the ``hostname`` and ``port`` each provider unit published and
raises ``{endpoint_name}.available`` once at least one is complete.
"""
from charmhelpers.core import hookenv
from charms.reactive import Endpoint, clear_flag, set_flag, toggle_flag, when, when_not


class HttpRequires(Endpoint):

    @when('endpoint.{endpoint_name}.joined')
    def joined(self):
        hookenv.log('http: {} joined {} relation(s)'.format(
            self.endpoint_name, len(self.relations)))

    @when('endpoint.{endpoint_name}.changed')
    def changed(self):
        toggle_flag(self.expand_name('{endpoint_name}.available'),
                    bool(self.services()))
        clear_flag(self.expand_name('endpoint.{endpoint_name}.changed'))

    @when('endpoint.{endpoint_name}.departed')
    def departed(self):
        set_flag(self.expand_name('{endpoint_name}.departed'))
        self.all_departed_units.clear()
        clear_flag(self.expand_name('endpoint.{endpoint_name}.departed'))
        toggle_flag(self.expand_name('{endpoint_name}.available'),
                    bool(self.services()))

    @when_not('endpoint.{endpoint_name}.joined')
    def broken(self):
        clear_flag(self.expand_name('{endpoint_name}.available'))
        clear_flag(self.expand_name('{endpoint_name}.departed'))

    def services(self):
        """One entry per remote application, each with its reachable units.

        [{'service_name': 'webapp',
          'hosts': [{'unit': 'webapp/0', 'hostname': '10.0.0.4', 'port': 8080}]}]
        """
        services = []
        for relation in self.relations:
            hosts = []
            for unit in relation.joined_units:
                hostname = unit.received.get('hostname')
                port = unit.received.get('port')
                if hostname and port:
                    hosts.append({'unit': unit.unit_name,
                                  'hostname': hostname,
                                  'port': int(port)})
            if hosts:
                services.append({'service_name': relation.application_name,
                                 'hosts': hosts})
        return services
