"""The sums behind FL102 (``arithmetic``): figures of one source that arithmetic ties together.

- :mod:`.interval_math`: intervals that meet, a price's move and a growth rate over intervals;
- :mod:`.figures`: what a written figure stands for, and a value written the way a claim writes one;
- :mod:`.sheet`: one source's claims by sentence, with their parties, day and direction;
- :mod:`.stock`: a share price with its change and percentage, and a day's range;
- :mod:`.parts`: parts and the total one sentence says they make;
- :mod:`.growth`: a growth rate and the two values it joins.
"""
