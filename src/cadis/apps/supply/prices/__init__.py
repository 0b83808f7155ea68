"""Drug price and purity records (UNODC ARQ practice): retail and wholesale, by drug, place, period."""
