import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))

from pgsql_helpers import conninfo  # noqa: E402


class TestConninfo(unittest.TestCase):

    def test_format_sorts_and_skips_empty(self):
        self.assertEqual(
            conninfo.format(user='u1', host='db', port=5432, password=''),
            'host=db port=5432 user=u1')

    def test_round_trip_with_quotes(self):
        params = {'host': '10.0.0.7', 'dbname': 'web app', 'password': "it's \\ odd"}
        self.assertEqual(conninfo.parse(conninfo.format(**params)), params)

    def test_parse_doubled_quote(self):
        self.assertEqual(conninfo.parse("password='a''b'")['password'], "a'b")

    def test_parse_rejects_garbage(self):
        with self.assertRaises(ValueError):
            conninfo.parse('host')
        with self.assertRaises(ValueError):
            conninfo.parse("password='open")


if __name__ == '__main__':
    unittest.main()
