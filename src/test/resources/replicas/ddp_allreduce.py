# One rank of a PyTorch DDP job run by Tasklane: it reads the rendezvous from the environment
# (MASTER_ADDR, MASTER_PORT, WORLD_SIZE, RANK), all-reduces its rank + 1 over gloo and prints the sum.
import os

import torch
import torch.distributed as dist

dist.init_process_group("gloo")
rank = dist.get_rank()
tensor = torch.tensor([float(rank + 1)])
dist.all_reduce(tensor)
print(f"role {os.environ['TASKLANE_ROLE']} index {os.environ['TASKLANE_ROLE_INDEX']} rank {rank} "
      f"of {dist.get_world_size()}: sum {int(tensor.item())}", flush=True)
dist.destroy_process_group()
