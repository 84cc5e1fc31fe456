
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'iface' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'iface'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'iface' {
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: the user cache directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for computers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off for auto)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Answer from the cache alone; never touch the network')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is being done')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is being done')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars or spinners')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate an interface directory')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Scaffold a new interface in the seed format')
            [CompletionResult]::new('pack', 'pack', [CompletionResultType]::ParameterValue, 'Build the archive that `iface publish` uploads')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the interface index: REST API under /v1 and HTML pages')
            [CompletionResult]::new('generate-files', 'generate-files', [CompletionResultType]::ParameterValue, 'Regenerate the committed shell completions and man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'iface;check' {
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: the user cache directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for computers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off for auto)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as errors')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Answer from the cache alone; never touch the network')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is being done')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is being done')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars or spinners')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'iface;init' {
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'One-line summary for interface.yaml')
            [CompletionResult]::new('--maintainer', '--maintainer', [CompletionResultType]::ParameterName, 'Maintainer for interface.yaml, e.g. "Jane Doe <jane@example.com>"')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Category for interface.yaml, e.g. database, web, ops')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: the user cache directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for computers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off for auto)')
            [CompletionResult]::new('--peer', '--peer', [CompletionResultType]::ParameterName, 'Make a peer interface (one `peer/` role) instead of provides/requires')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Answer from the cache alone; never touch the network')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is being done')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is being done')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars or spinners')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'iface;pack' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the archive [default: NAME.tar.gz in the current directory]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the archive [default: NAME.tar.gz in the current directory]')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: the user cache directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for computers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off for auto)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Answer from the cache alone; never touch the network')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is being done')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is being done')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars or spinners')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'iface;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Data directory (SQLite database and archives) [default: the user data directory]')
            [CompletionResult]::new('--admin-token-file', '--admin-token-file', [CompletionResultType]::ParameterName, 'File holding the admin token (IFACE_ADMIN_TOKEN also works)')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: the user cache directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for computers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off for auto)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Answer from the cache alone; never touch the network')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is being done')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is being done')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars or spinners')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'iface;generate-files' {
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The project directory holding completions/ and man/')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Cache directory [default: the user cache directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for computers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off for auto)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Answer from the cache alone; never touch the network')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is being done')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is being done')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars or spinners')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'iface;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate an interface directory')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Scaffold a new interface in the seed format')
            [CompletionResult]::new('pack', 'pack', [CompletionResultType]::ParameterValue, 'Build the archive that `iface publish` uploads')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the interface index: REST API under /v1 and HTML pages')
            [CompletionResult]::new('generate-files', 'generate-files', [CompletionResultType]::ParameterValue, 'Regenerate the committed shell completions and man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'iface;help;check' {
            break
        }
        'iface;help;init' {
            break
        }
        'iface;help;pack' {
            break
        }
        'iface;help;serve' {
            break
        }
        'iface;help;generate-files' {
            break
        }
        'iface;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
