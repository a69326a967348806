import asyncio


async def worker(fut):
    print('worker: 开始计算')
    await asyncio.sleep(1)
    print('worker: 计算完成')
    fut.set_result('42')


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    print('main: 等待结果')
    result = await fut
    # Mistake: this line is never reached. main is suspended on `await fut`, and the only code
    # that could set the result comes after it: every task waits forever (deadlock).
    task = asyncio.create_task(worker(fut))
    print('main: 结果是', result)
    await task


asyncio.run(main())
