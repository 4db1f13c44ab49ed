from batch_worker.cli import main

raise SystemExit(main())
