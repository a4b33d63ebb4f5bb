// Member list import (members-csv.md) lands here.
