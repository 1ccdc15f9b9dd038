# A Ray Serve application for the tests: answers with the replica that served the request.
import os

from ray import serve


@serve.deployment
class Echo:
    async def __call__(self, request):
        context = serve.get_replica_context()
        return {"replica": context.replica_id.unique_id, "pid": os.getpid(),
                "gpus": os.environ.get("CUDA_VISIBLE_DEVICES")}


app = Echo.bind()
