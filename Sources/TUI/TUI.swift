import Bandit
